//go:build windows

package main

import (
	"log"
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachConsole lets the one bulletin.exe serve both the GUI and the command line.
// The .exe is linked for the GUI subsystem (-H=windowsgui) so that a double-click
// opens no console window; such a process starts without standard handles, and
// `bulletin.exe check` typed in cmd.exe or PowerShell would print nothing. So for a
// subcommand (or -h) the process attaches to its parent's console and reopens the
// standard streams that are not already redirected (to a file or a pipe) on
// CONOUT$/CONIN$. Without a parent console nothing changes.
func attachConsole() {
	if !wantsConsole(os.Args[1:]) {
		return
	}
	hasIn := validStdHandle(windows.STD_INPUT_HANDLE)
	hasOut := validStdHandle(windows.STD_OUTPUT_HANDLE)
	hasErr := validStdHandle(windows.STD_ERROR_HANDLE)
	if hasIn && hasOut && hasErr {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return
	}
	if !hasOut {
		if f := openConsole("CONOUT$", windows.STD_OUTPUT_HANDLE); f != nil {
			os.Stdout = f
		}
	}
	if !hasErr {
		if f := openConsole("CONOUT$", windows.STD_ERROR_HANDLE); f != nil {
			os.Stderr = f
			log.SetOutput(f)
		}
	}
	if !hasIn {
		if f := openConsole("CONIN$", windows.STD_INPUT_HANDLE); f != nil {
			os.Stdin = f
		}
	}
}

// validStdHandle reports whether the standard handle refers to something
// (a console, a file, a pipe) rather than being unset as in a GUI process.
func validStdHandle(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// openConsole opens the console device name and makes it the standard handle std.
func openConsole(name string, std uint32) *os.File {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return nil
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil
	}
	_ = windows.SetStdHandle(std, h)
	return os.NewFile(uintptr(h), name)
}
