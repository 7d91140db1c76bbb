//go:build !windows

package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
)

// envHeapProfile names a folder: when it is set, SIGUSR1 makes the GUI write a
// heap profile there (heap-1.pb.gz, heap-2.pb.gz, …) after a full collection.
// For measuring memory at chosen moments of a walk:
//
//	BULLETIN_HEAPPROFILE=/tmp/prof bulletin -db demo.db &   kill -USR1 $!
//	go tool pprof -sample_index=inuse_space -top bulletin /tmp/prof/heap-1.pb.gz
const envHeapProfile = "BULLETIN_HEAPPROFILE"

// startHeapProfiler starts the SIGUSR1 handler when envHeapProfile is set.
func startHeapProfiler() {
	dir := os.Getenv(envHeapProfile)
	if dir == "" {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	go func() {
		for n := 1; ; n++ {
			<-ch
			if err := writeHeapProfile(filepath.Join(dir, fmt.Sprintf("heap-%d.pb.gz", n))); err != nil {
				fmt.Fprintln(os.Stderr, "heap profile:", err)
			}
		}
	}()
}

func writeHeapProfile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
