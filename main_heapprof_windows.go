package main

// startHeapProfiler does nothing on Windows, which has no SIGUSR1; see
// main_heapprof.go.
func startHeapProfiler() {}
