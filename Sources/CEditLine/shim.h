#ifndef JIXIAO_CEDITLINE_SHIM_H
#define JIXIAO_CEDITLINE_SHIM_H

/*
 * Fixed-signature wrappers around libedit (BSD editline) for Swift.
 *
 * Swift cannot call C variadic functions (el_set, el_wset, el_get, history_w),
 * cannot touch C's stdin/stdout globals under strict concurrency, and cannot
 * install a signal handler that writes shared state without a mutable global.
 * Everything here exists for one of those reasons; the LineEditor target holds
 * all the logic.
 */

#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* Prompt callback for EL_PROMPT in wide mode: returns storage the caller keeps alive. */
typedef const wchar_t *(*shim_prompt_fn)(EditLine *);
/* Editor command added with EL_ADDFN: returns one of the CC_* codes. */
typedef unsigned char (*shim_command_fn)(EditLine *, int);

/* ---- Editor setup ---------------------------------------------------------------- */

/* el_init needs C's stdin/stdout/stderr, which Swift 6 cannot reference (mutable globals). */
static inline EditLine *shim_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

/* el_wset is variadic: EL_PROMPT takes the callback. */
static inline int shim_el_set_prompt(EditLine *el, shim_prompt_fn fn) {
  return el_wset(el, EL_PROMPT, fn);
}

/* el_wset is variadic: EL_EDITOR takes "emacs" or "vi". */
static inline int shim_el_set_editor(EditLine *el, const wchar_t *mode) {
  return el_wset(el, EL_EDITOR, mode);
}

/* el_set is variadic: EL_SIGNAL makes libedit restore the tty around SIGINT/SIGTSTP and track SIGWINCH. */
static inline int shim_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

/* el_wset is variadic: EL_ADDFN registers a named editor command. */
static inline int shim_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help,
                                       shim_command_fn fn) {
  return el_wset(el, EL_ADDFN, name, help, fn);
}

/* el_wset is variadic and EL_BIND's argument list is NULL-terminated: binds one key to one command. */
static inline int shim_el_bind(EditLine *el, const wchar_t *key, const wchar_t *command) {
  return el_wset(el, EL_BIND, key, command, (const wchar_t *)NULL);
}

/* el_set is variadic: EL_PREP_TERM switches the tty to raw mode now rather than after the prompt is drawn. */
static inline int shim_el_prepare_terminal(EditLine *el, int raw) {
  return el_set(el, EL_PREP_TERM, raw);
}

/* el_wset is variadic: EL_HIST needs the history_w function pointer next to the history object. */
static inline int shim_el_set_history(EditLine *el, HistoryW *history) {
  return el_wset(el, EL_HIST, history_w, history);
}

/* el_set is variadic: EL_REFRESH redraws the prompt and the line now. */
static inline int shim_el_refresh(EditLine *el) {
  return el_set(el, EL_REFRESH);
}

/* el_set is variadic: EL_CLIENTDATA carries the Swift object to callbacks that cannot capture. */
static inline int shim_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

/* el_get is variadic: reads back the EL_CLIENTDATA pointer inside a callback. */
static inline void *shim_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

/* el_get is variadic: EL_GETFP gives the stream libedit draws on, so listings interleave correctly. */
static inline FILE *shim_el_get_output(EditLine *el) {
  FILE *fp = NULL;
  if (el_get(el, EL_GETFP, 1, &fp) != 0) return NULL;
  return fp;
}

/* ioctl is variadic: terminal width for laying out completion candidates (0 when unknown). */
static inline int shim_terminal_columns(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return (int)size.ws_col;
}

/* ---- History ---------------------------------------------------------------------- */

/* history_w is variadic: H_SETSIZE caps the number of remembered entries. */
static inline int shim_history_set_size(HistoryW *h, int size) {
  HistEventW ev;
  return history_w(h, &ev, H_SETSIZE, size);
}

/* history_w is variadic: H_SETUNIQUE drops an entry equal to the previous one. */
static inline int shim_history_set_unique(HistoryW *h, int on) {
  HistEventW ev;
  return history_w(h, &ev, H_SETUNIQUE, on);
}

/* history_w is variadic: H_ENTER appends one entry (the caller strips the newline first). */
static inline int shim_history_enter(HistoryW *h, const wchar_t *line) {
  HistEventW ev;
  return history_w(h, &ev, H_ENTER, line);
}

/* history_w is variadic: H_LOAD reads libedit's own file format; returns the count or -1. */
static inline int shim_history_load(HistoryW *h, const char *path) {
  HistEventW ev;
  return history_w(h, &ev, H_LOAD, path);
}

/* history_w is variadic: H_SAVE_FP writes to a stream we opened ourselves (0600, then renamed). */
static inline int shim_history_save_fp(HistoryW *h, FILE *fp) {
  HistEventW ev;
  return history_w(h, &ev, H_SAVE_FP, fp);
}

/* history_w is variadic: H_FIRST gives the newest entry (NULL when there is none). */
static inline const wchar_t *shim_history_first(HistoryW *h) {
  HistEventW ev;
  if (history_w(h, &ev, H_FIRST) != 0) return NULL;
  return ev.str;
}

/* history_w is variadic: H_NEXT steps to the next older entry (NULL past the oldest). */
static inline const wchar_t *shim_history_next(HistoryW *h) {
  HistEventW ev;
  if (history_w(h, &ev, H_NEXT) != 0) return NULL;
  return ev.str;
}

/* history_w is variadic: H_GETSIZE counts entries (used by tests and diagnostics). */
static inline int shim_history_count(HistoryW *h) {
  HistEventW ev;
  if (history_w(h, &ev, H_GETSIZE) != 0) return -1;
  return ev.num;
}

/* ---- Locale ----------------------------------------------------------------------- */

/* Whether LC_CTYPE's codeset is UTF-8; libedit decodes input with the C locale's mbrtowc. */
static inline int shim_ctype_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/*
 * Without a UTF-8 LC_CTYPE libedit drops or splits Chinese input, so take the user's
 * locale when it is UTF-8 and otherwise fall back to C.UTF-8, then en_US.UTF-8.
 * Returns 1 when the user's locale was used, 2 when a fallback was, 0 when none is UTF-8.
 */
static inline int shim_use_utf8_ctype(void) {
  if (setlocale(LC_CTYPE, "") != NULL && shim_ctype_is_utf8()) return 1;
  if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && shim_ctype_is_utf8()) return 2;
  if (setlocale(LC_CTYPE, "en_US.UTF-8") != NULL && shim_ctype_is_utf8()) return 2;
  return 0;
}

/* ---- Interrupts ------------------------------------------------------------------- */

/*
 * Set by the SIGINT handler, read by Swift through the accessors below. It is a weak
 * definition rather than `static` because every object file that includes this header
 * would otherwise get its own copy; the linker keeps exactly one.
 */
__attribute__((weak)) volatile sig_atomic_t shim_interrupt_pending = 0;

/* The handler only records the request: anything else is not async-signal-safe. */
static void shim_on_sigint(int signo) {
  (void)signo;
  shim_interrupt_pending = 1;
}

/*
 * Installs the SIGINT handler WITHOUT SA_RESTART so a blocked read in el_wgets fails with
 * EINTR and the prompt can be abandoned; `previous` receives the old action for restoring.
 * SIGINT is also unblocked: a blocked mask survives exec (a parent running us from a
 * dispatch thread passes one on) and would make Ctrl-C do nothing at all.
 */
static inline int shim_install_sigint(struct sigaction *previous) {
  struct sigaction action;
  sigset_t unblock;
  memset(&action, 0, sizeof action);
  action.sa_handler = shim_on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  if (sigaction(SIGINT, &action, previous) != 0) return -1;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGINT);
  return sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

/* Does nothing: its only job is to make SIGWINCH interrupt shim_read_char's wait. */
static void shim_on_sigwinch(int signo) {
  (void)signo;
}

/*
 * libedit handles SIGWINCH itself during el_wgets, but its handler uninstalls itself
 * after the first signal, and the default action (ignore) wakes nobody, so a second
 * resize while one line is edited would go unnoticed. With this handler in place the
 * wait is interrupted and shim_read_char re-reads the size. SA_RESTART keeps other
 * system calls (writing a long table) from failing with EINTR on a resize. Installed
 * only where SIGWINCH still has its default action.
 */
static inline int shim_install_sigwinch(void) {
  struct sigaction current, action;
  if (sigaction(SIGWINCH, NULL, &current) != 0) return -1;
  if (current.sa_handler != SIG_DFL || (current.sa_flags & SA_SIGINFO)) return 0;
  memset(&action, 0, sizeof action);
  action.sa_handler = shim_on_sigwinch;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  return sigaction(SIGWINCH, &action, NULL);
}

/* ---- Job control (Ctrl-Z, fg) ------------------------------------------------------ */

/*
 * libedit's own SIGCONT handler means to redraw the line but never does: it redraws only
 * when ed_redisplay returns CC_REFRESH, and ed_redisplay returns CC_REDISPLAY. libedit's
 * reader would redraw after a SIGCONT instead, but shim_read_char replaces that reader.
 * So these handlers record that the process was stopped and continued, and
 * shim_read_char, woken by the signal, puts the terminal back in raw mode and redraws
 * the prompt and the line (EL_REFRESH) from ordinary code, with the signals blocked. libedit's handlers, while
 * installed, restore these and re-send the signal, so these run either way.
 */
__attribute__((weak)) volatile sig_atomic_t shim_continued = 0;
/* Set while el_wgets runs: the terminal is then raw and must be cooked for a stop. */
__attribute__((weak)) volatile sig_atomic_t shim_reading = 0;
/*
 * The terminal's settings before the current read went raw, in storage the reader
 * owns (a struct-typed weak global would not be emitted with the Swift module).
 */
__attribute__((weak)) struct termios *volatile shim_cooked_terminal = NULL;

static void shim_on_sigcont(int signo) {
  (void)signo;
  shim_continued = 1;
}

/*
 * Stops the process as the default action would, with the terminal cooked while it is
 * stopped. libedit cooks it itself on the first Ctrl-Z of a read; on a second one its
 * handler is no longer installed (it restores the previous one as it passes the signal
 * on), and the terminal would be left raw for the shell that took over. Only
 * async-signal-safe calls: tcgetattr, tcsetattr, sigaction, sigprocmask, raise.
 */
static void shim_on_sigtstp(int signo) {
  (void)signo;
  int saved_errno = errno;
  struct termios current;
  int restore = 0;
  struct termios *cooked = shim_cooked_terminal;
  if (shim_reading && cooked != NULL && tcgetattr(STDIN_FILENO, &current) == 0 && !(current.c_lflag & ICANON)) {
    tcsetattr(STDIN_FILENO, TCSADRAIN, cooked);
    restore = 1;
  }
  struct sigaction stop, ours;
  memset(&stop, 0, sizeof stop);
  stop.sa_handler = SIG_DFL;
  sigemptyset(&stop.sa_mask);
  sigaction(SIGTSTP, &stop, &ours);
  sigset_t tstp;
  sigemptyset(&tstp);
  sigaddset(&tstp, SIGTSTP);
  raise(SIGTSTP);                          /* pending: blocked while this handler runs */
  sigprocmask(SIG_UNBLOCK, &tstp, NULL);   /* the process stops here, until SIGCONT */
  sigprocmask(SIG_BLOCK, &tstp, NULL);
  sigaction(SIGTSTP, &ours, NULL);
  if (restore) tcsetattr(STDIN_FILENO, TCSADRAIN, &current);
  shim_continued = 1;
  errno = saved_errno;
}

/*
 * Installs the SIGTSTP and SIGCONT handlers, each only where the signal still has its
 * default action (a program started with Ctrl-Z ignored keeps it ignored); the old
 * actions go to `stop` and `cont` for shim_restore_job_control. SA_RESTART keeps a
 * write of a long table from failing when the process is stopped and continued.
 */
static inline int shim_install_job_control(struct sigaction *stop, struct sigaction *cont) {
  const int signals[2] = {SIGTSTP, SIGCONT};
  struct sigaction *previous[2] = {stop, cont};
  void (*handlers[2])(int) = {shim_on_sigtstp, shim_on_sigcont};
  for (int i = 0; i < 2; i++) {
    if (sigaction(signals[i], NULL, previous[i]) != 0) return -1;
    if (previous[i]->sa_handler != SIG_DFL || (previous[i]->sa_flags & SA_SIGINFO)) continue;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handlers[i];
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(signals[i], &action, NULL) != 0) return -1;
  }
  return 0;
}

/* Puts back the actions saved by shim_install_job_control. */
static inline void shim_restore_job_control(const struct sigaction *stop, const struct sigaction *cont) {
  shim_reading = 0;
  shim_cooked_terminal = NULL;
  sigaction(SIGTSTP, stop, NULL);
  sigaction(SIGCONT, cont, NULL);
}

/* Before el_wgets: remember the cooked settings in `storage`, then mark the read as running. */
static inline void shim_begin_read(struct termios *storage) {
  shim_continued = 0;
  if (tcgetattr(STDIN_FILENO, storage) != 0) return;
  shim_cooked_terminal = storage;
  shim_reading = 1;
}

/* After el_wgets (libedit has cooked the terminal again). */
static inline void shim_end_read(void) {
  shim_reading = 0;
}

/* Puts back the action saved by shim_install_sigint. */
static inline int shim_restore_sigint(const struct sigaction *previous) {
  return sigaction(SIGINT, previous, NULL);
}

/* Reads and clears the flag atomically, so one Ctrl-C cancels one thing and none is lost. */
static inline int shim_take_interrupt(void) {
  return __atomic_exchange_n(&shim_interrupt_pending, 0, __ATOMIC_SEQ_CST) != 0;
}

/* Reads the flag without clearing it, for loops that poll often. */
static inline int shim_interrupt_is_pending(void) {
  return shim_interrupt_pending != 0;
}

/*
 * History search (Ctrl-R) takes every key while it runs. libedit dispatches a key through
 * its key map by the key's low byte, which sends many Chinese characters to the wrong
 * command; so while `shim_searching` is set the reader hands libedit Ctrl-R (bound to the
 * search) for every key and keeps the real one here for the search to take.
 */
__attribute__((weak)) volatile sig_atomic_t shim_searching = 0;
__attribute__((weak)) volatile sig_atomic_t shim_search_has_key = 0;
__attribute__((weak)) volatile wchar_t shim_search_key = 0;

static inline void shim_set_searching(int on) {
  shim_searching = on;
  shim_search_has_key = 0;
}

/* The key the search is to act on; 0 when Ctrl-R itself started the search. */
static inline int shim_take_search_key(wchar_t *out) {
  if (!shim_search_has_key) return 0;
  shim_search_has_key = 0;
  *out = shim_search_key;
  return 1;
}

/*
 * EL_GETCFN reader. libedit's own reader only notices Ctrl-C when it interrupts the
 * blocking read(); one that lands while libedit draws the prompt or handles a key (a
 * fast typist, a test) sets our flag and is then lost, leaving the prompt stuck. Here
 * SIGINT is blocked while the flag is checked and unblocked only inside pselect, so a
 * Ctrl-C either is seen by the check or interrupts the wait. SIGTSTP and SIGCONT are
 * treated the same way, so a stop and continue is always followed by a redraw. Decoding
 * matches libedit's reader: one byte at a time through mbrtowc, invalid bytes dropped.
 */
static int shim_read_char(EditLine *el, wchar_t *out) {
  FILE *input = NULL;
  int fd = (el_get(el, EL_GETFP, 0, &input) == 0 && input != NULL) ? fileno(input) : 0;
  char bytes[MB_LEN_MAX];
  size_t length = 0;
  sigset_t interrupt, saved, waiting;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  sigaddset(&interrupt, SIGTSTP);
  sigaddset(&interrupt, SIGCONT);
  *out = L'\0';
  for (;;) {
    sigprocmask(SIG_BLOCK, &interrupt, &saved);
    if (shim_interrupt_pending) {
      sigprocmask(SIG_SETMASK, &saved, NULL);
      errno = EINTR;
      return -1;
    }
    if (shim_continued) {
      /* Stopped and continued (Ctrl-Z, fg): raw again if the stop left the terminal
         cooked, then the prompt and the line drawn afresh on the current line. */
      shim_continued = 0;
      el_set(el, EL_PREP_TERM, 1);
      el_set(el, EL_REFRESH);
    }
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    waiting = saved;
    sigdelset(&waiting, SIGINT);
    sigdelset(&waiting, SIGTSTP);
    sigdelset(&waiting, SIGCONT);
    int ready = pselect(fd + 1, &readable, NULL, NULL, NULL, &waiting);
    int error = errno;
    sigprocmask(SIG_SETMASK, &saved, NULL);
    if (ready < 0) {
      if (error != EINTR) {
        errno = error;
        return -1;
      }
      /* SIGINT and SIGCONT: the checks above act. Anything else (a resize): re-read the size. */
      el_resize(el);
      continue;
    }
    ssize_t count = read(fd, bytes + length, 1);
    if (count < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return -1;
    }
    if (count == 0) return 0; /* end of input */
    length += 1;
    for (;;) {
      mbstate_t state;
      memset(&state, 0, sizeof state);
      size_t used = mbrtowc(out, bytes, length, &state);
      if (used == (size_t)-2) { /* incomplete: read another byte */
        if (length >= MB_LEN_MAX) {
          errno = EILSEQ;
          return -1;
        }
        break;
      }
      if (used == (size_t)-1) { /* invalid: keep only the last byte, as libedit does */
        if (length > 1) {
          bytes[0] = bytes[length - 1];
          length = 1;
          continue;
        }
        length = 0;
        break;
      }
      if (shim_searching) {
        shim_search_key = *out;
        shim_search_has_key = 1;
        *out = 0x12; /* Ctrl-R */
      }
      return 1;
    }
  }
}

/* el_wset is variadic: EL_GETCFN installs shim_read_char as libedit's input function. */
static inline int shim_el_set_reader(EditLine *el) {
  return el_wset(el, EL_GETCFN, shim_read_char);
}

/* errno is a macro over a thread-local; Swift reads it reliably only through a function. */
static inline int shim_errno(void) {
  return errno;
}

#endif /* JIXIAO_CEDITLINE_SHIM_H */
