#include "CMappedFile.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { SLOTS = 16 };

/* A slot is free when its start is 0. Ranges are written before the start is. */
static struct {
  _Atomic uintptr_t start;
  _Atomic uintptr_t end;
  _Atomic int cut;
  _Atomic int taken;
} slots[SLOTS];

static struct sigaction previous;
static uintptr_t page_size;
static int installed;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void on_bus_error(int signal_number, siginfo_t *info, void *context) {
  uintptr_t address = (uintptr_t)info->si_addr;
  for (int i = 0; i < SLOTS; i++) {
    uintptr_t start = atomic_load(&slots[i].start);
    if (start == 0 || address < start || address >= atomic_load(&slots[i].end)) continue;
    void *page = (void *)(address & ~(page_size - 1));
    if (mmap(page, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
      atomic_store(&slots[i].cut, 1);
      return;
    }
  }
  if (previous.sa_flags & SA_SIGINFO) {
    previous.sa_sigaction(signal_number, info, context);
  } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(signal_number);
  } else {
    /* Returning faults again, now with the default action: the process ends as it
       would have without this handler. */
    signal(SIGBUS, SIG_DFL);
  }
}

static void install(void) {
  page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_bus_error;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  installed = page_size > 0 && sigaction(SIGBUS, &action, &previous) == 0;
}

int jixiao_guard_mapping(const void *start, size_t length) {
  pthread_once(&once, install);
  if (!installed || start == NULL || length == 0) return -1;
  for (int i = 0; i < SLOTS; i++) {
    int expected = 0;
    if (!atomic_compare_exchange_strong(&slots[i].taken, &expected, 1)) continue;
    atomic_store(&slots[i].cut, 0);
    atomic_store(&slots[i].end, (uintptr_t)start + length);
    atomic_store(&slots[i].start, (uintptr_t)start);
    return i;
  }
  return -1;
}

int jixiao_mapping_was_cut(int slot) {
  if (slot < 0 || slot >= SLOTS) return 0;
  return atomic_load(&slots[slot].cut);
}

void jixiao_unguard_mapping(int slot) {
  if (slot < 0 || slot >= SLOTS) return;
  atomic_store(&slots[slot].start, 0);
  atomic_store(&slots[slot].end, 0);
  atomic_store(&slots[slot].taken, 0);
}
