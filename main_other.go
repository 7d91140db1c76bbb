//go:build !windows

package main

// attachConsole does nothing outside Windows: there a program started from a
// terminal always has its standard streams. See main_windows.go.
func attachConsole() {}
