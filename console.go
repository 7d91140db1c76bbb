package main

import "strings"

// wantsConsole reports whether args run a subcommand or ask for help. A GUI start
// (no arguments, or only flags such as -db from a shortcut) stays detached: a GUI
// attached to cmd.exe's console would be killed when that window is closed.
func wantsConsole(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if !strings.HasPrefix(args[0], "-") {
		return true
	}
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			return true
		}
	}
	return false
}
