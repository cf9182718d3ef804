#ifndef JIXIAO_CMAPPEDFILE_H
#define JIXIAO_CMAPPEDFILE_H

/*
 * A guard for files mapped into memory while they are parsed.
 *
 * A mapped file cut short by another process faults with SIGBUS where the pages
 * past its new end are touched, which kills the process. A signal handler has to
 * be C: it may only use async-signal-safe calls and lock-free state. The handler
 * installed here maps a page of zeros over a faulting page that lies in a guarded
 * range and records that the range was cut; the parse then reads zeros (a NUL
 * byte, which the reader refuses), and the loader, seeing the mark, reports the
 * file as changed. Faults elsewhere go to the handler that was there before.
 */

#include <stddef.h>

/* Guards [start, start + length); returns a slot, or -1 when every slot is taken
   or the handler cannot be installed (the caller then reads the file instead). */
int jixiao_guard_mapping(const void *start, size_t length);

/* 1 when a page of the slot's range faulted since it was guarded, else 0. */
int jixiao_mapping_was_cut(int slot);

/* Frees the slot; its range is no longer guarded. */
void jixiao_unguard_mapping(int slot);

#endif
