//go:build !unix

package safefile

// nonBlocking: Windows has no FIFOs in the file system to wait on.
const nonBlocking = 0
