//go:build !unix && !windows

package model

import "os"

// lockFile is a no-op where the platform has no file locks we know.
func lockFile(f *os.File) error { return nil }

func unlockFile(f *os.File) error { return nil }

func isReadOnlyFS(err error) bool { return false }
