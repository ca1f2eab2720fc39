//go:build unix

package safefile

import "syscall"

// nonBlocking keeps open(2) from waiting for a writer when a FIFO is
// swapped in between the check and the open.
const nonBlocking = syscall.O_NONBLOCK
