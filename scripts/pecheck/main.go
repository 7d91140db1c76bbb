// Command pecheck checks that a Windows release build is what the office PCs
// need: a 64-bit PE32+ image for the GUI subsystem (so a double-click opens no
// console window) that carries our icon and a version resource. scripts/release
// runs it; it prints what it found and exits 1 on the first failed check.
//
//	go run ./scripts/pecheck -icon assets/icon.png -name 舆情专报工作台 -version 0.1.0.1 bulletin.exe
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"sort"
	"strings"
	"unicode/utf16"
)

// Resource type IDs (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

const subsystemGUI = 2 // IMAGE_SUBSYSTEM_WINDOWS_GUI

func main() {
	iconPath := flag.String("icon", "", "PNG the embedded icon must show (same pixels)")
	name := flag.String("name", "", "expected ProductName in the version resource")
	version := flag.String("version", "", "expected FileVersion, a.b.c.d")
	var stamps stringList
	flag.Var(&stamps, "contains", "a string the file must contain, such as the stamped commit (repeatable)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-icon PNG] [-name NAME] [-version a.b.c.d] [-contains S]... FILE.exe")
		os.Exit(2)
	}
	err := check(flag.Arg(0), *iconPath, *name, *version)
	if err == nil {
		err = checkContains(flag.Arg(0), stamps)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pecheck: FAIL:", err)
		os.Exit(1)
	}
	fmt.Println("pecheck: OK")
}

func check(path, iconPath, name, version string) error {
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("%s is not a PE32+ x86-64 image (machine %#x)", path, f.Machine)
	}
	fmt.Printf("pecheck: PE32+ x86-64, subsystem %d\n", oh.Subsystem)
	if oh.Subsystem != subsystemGUI {
		return fmt.Errorf("subsystem is %d, want %d (GUI): build with -H=windowsgui", oh.Subsystem, subsystemGUI)
	}
	fmt.Printf("pecheck: imports from %s\n", strings.Join(importedDLLs(f), " "))
	res, err := readResources(f, oh)
	if err != nil {
		return err
	}
	for _, t := range []struct {
		id   uint32
		what string
	}{{rtIcon, "icon"}, {rtGroupIcon, "icon group"}, {rtVersion, "version"}, {rtManifest, "manifest"}} {
		fmt.Printf("pecheck: resource %-10s %d item(s)\n", t.what, len(res[t.id]))
		if len(res[t.id]) == 0 {
			return fmt.Errorf("no %s resource", t.what)
		}
	}
	if err := checkVersion(res[rtVersion][0], name, version); err != nil {
		return err
	}
	if iconPath != "" {
		return checkIcon(res[rtIcon], iconPath)
	}
	return nil
}

// readResources walks the three-level resource tree (type, name, language) and
// returns the data of every leaf by type ID.
func readResources(f *pe.File, oh *pe.OptionalHeader64) (map[uint32][][]byte, error) {
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 {
		return nil, errors.New("no resource directory")
	}
	rva := func(addr, size uint32) ([]byte, error) {
		for _, s := range f.Sections {
			if addr >= s.VirtualAddress && addr+size <= s.VirtualAddress+s.VirtualSize {
				b, err := s.Data()
				if err != nil {
					return nil, err
				}
				off := addr - s.VirtualAddress
				if int(off+size) > len(b) {
					return nil, fmt.Errorf("resource at %#x runs past its section", addr)
				}
				return b[off : off+size], nil
			}
		}
		return nil, fmt.Errorf("no section holds RVA %#x", addr)
	}
	rsrc, err := rva(dir.VirtualAddress, dir.Size)
	if err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	out := map[uint32][][]byte{}
	var walk func(off uint32, depth int, typ uint32) error
	walk = func(off uint32, depth int, typ uint32) error {
		if depth > 3 || int(off)+16 > len(rsrc) {
			return errors.New("malformed resource directory")
		}
		n := uint32(le.Uint16(rsrc[off+12:])) + uint32(le.Uint16(rsrc[off+14:]))
		for i := uint32(0); i < n; i++ {
			e := off + 16 + 8*i
			if int(e)+8 > len(rsrc) {
				return errors.New("malformed resource entry")
			}
			id, child := le.Uint32(rsrc[e:]), le.Uint32(rsrc[e+4:])
			if depth == 0 {
				typ = id
			}
			if child&0x80000000 != 0 {
				if err := walk(child&0x7fffffff, depth+1, typ); err != nil {
					return err
				}
				continue
			}
			if int(child)+8 > len(rsrc) {
				return errors.New("malformed resource data entry")
			}
			data, err := rva(le.Uint32(rsrc[child:]), le.Uint32(rsrc[child+4:]))
			if err != nil {
				return err
			}
			out[typ] = append(out[typ], data)
		}
		return nil
	}
	return out, walk(0, 0, 0)
}

// checkVersion reads VS_FIXEDFILEINFO and the ProductName string.
func checkVersion(data []byte, name, version string) error {
	i := bytes.Index(data, []byte{0xBD, 0x04, 0xEF, 0xFE})
	if i < 0 || i+16 > len(data) {
		return errors.New("version resource has no VS_FIXEDFILEINFO")
	}
	ms, ls := binary.LittleEndian.Uint32(data[i+8:]), binary.LittleEndian.Uint32(data[i+12:])
	got := fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
	product := versionString(data, "ProductName")
	fmt.Printf("pecheck: FileVersion %s, ProductName %q, ProductVersion %q\n", got, product, versionString(data, "ProductVersion"))
	if version != "" && got != version {
		return fmt.Errorf("FileVersion %s, want %s", got, version)
	}
	if name != "" && product != name {
		return fmt.Errorf("ProductName %q, want %q", product, name)
	}
	return nil
}

// versionString finds key in the UTF-16 string table of a version resource and
// returns its value (the next NUL-terminated string after the key's padding).
func versionString(data []byte, key string) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(data[2*i:])
	}
	k := append(utf16.Encode([]rune(key)), 0)
	for i := 0; i+len(k) <= len(u); i++ {
		if !equal(u[i:i+len(k)], k) {
			continue
		}
		j := i + len(k)
		for j < len(u) && u[j] == 0 {
			j++
		}
		end := j
		for end < len(u) && u[end] != 0 {
			end++
		}
		return string(utf16.Decode(u[j:end]))
	}
	return ""
}

func equal(a, b []uint16) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkIcon decodes the PNG icon images and requires one of them to show the
// same picture as want (within rounding from premultiplied alpha).
func checkIcon(icons [][]byte, want string) error {
	wf, err := os.Open(want)
	if err != nil {
		return err
	}
	defer wf.Close()
	w, err := png.Decode(wf)
	if err != nil {
		return fmt.Errorf("%s: %w", want, err)
	}
	for _, data := range icons {
		g, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			continue // a BMP-style icon image: not ours
		}
		fmt.Printf("pecheck: icon image %dx%d PNG\n", g.Bounds().Dx(), g.Bounds().Dy())
		if samePicture(g, w) {
			fmt.Printf("pecheck: icon matches %s\n", want)
			return nil
		}
	}
	return fmt.Errorf("no icon image in the .exe matches %s", want)
}

func samePicture(a, b image.Image) bool {
	if a.Bounds().Size() != b.Bounds().Size() {
		return false
	}
	ab, bb := a.Bounds(), b.Bounds()
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, a1 := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, a2 := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			for _, d := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}, {a1, a2}} {
				if diff(d[0], d[1]) > 3*257 {
					return false
				}
			}
		}
	}
	return true
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// stringList collects a repeated flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// checkContains makes sure the version stamps set with -ldflags -X reached the
// binary: fyne package builds twice for Windows and could drop them.
func checkContains(path string, want []string) error {
	if len(want) == 0 {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, s := range want {
		if !bytes.Contains(data, []byte(s)) {
			return fmt.Errorf("%s does not contain %q: the version stamp is missing", path, s)
		}
		fmt.Printf("pecheck: contains %q\n", s)
	}
	return nil
}

// importedDLLs lists the DLLs the image imports from, sorted (debug/pe's
// ImportedLibraries is not implemented for PE; the symbols carry "name:dll").
func importedDLLs(f *pe.File) []string {
	syms, err := f.ImportedSymbols()
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	var dlls []string
	for _, s := range syms {
		if _, dll, ok := strings.Cut(s, ":"); ok && !seen[strings.ToLower(dll)] {
			seen[strings.ToLower(dll)] = true
			dlls = append(dlls, strings.ToLower(dll))
		}
	}
	sort.Strings(dlls)
	return dlls
}
