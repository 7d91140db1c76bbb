//go:build unix

package ui

import (
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// releasePages lets the system drop the pages of b that it has read in, where
// b is embedded data (read-only, backed by the program file): the full fonts,
// read once to cut the UI subset or to embed a PDF's subset, would otherwise
// stay resident. The pages are read again from the program file if needed.
func releasePages(b []byte) {
	if len(b) == 0 {
		return
	}
	page := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	first := (start + page - 1) &^ (page - 1)
	last := (start + uintptr(len(b))) &^ (page - 1)
	if last <= first {
		return
	}
	_ = unix.Madvise(b[first-start:last-start], unix.MADV_DONTNEED)
}
