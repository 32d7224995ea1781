#ifndef BRIEF_ATOMIC_SWAP_H
#define BRIEF_ATOMIC_SWAP_H
/// Exchanges two paths in one step (Linux renameat2 RENAME_EXCHANGE), so no moment exists
/// where neither is in place. Returns 0, or -1 with errno set (e.g. EINVAL, ENOSYS where unsupported).
int brief_exchange_paths(const char *a, const char *b);
#endif
