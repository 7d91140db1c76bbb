//go:build !unix

package ui

// releasePages does nothing where the system has no madvise; see release_unix.go.
func releasePages([]byte) {}
