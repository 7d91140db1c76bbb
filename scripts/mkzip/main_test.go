package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWriteMarksNamesUTF8 checks what Windows Explorer needs to show Chinese
// names: every entry carries the UTF-8 flag, the names and bytes round-trip,
// and every entry has the given time.
func TestWriteMarksNamesUTF8(t *testing.T) {
	base := t.TempDir()
	files := map[string]string{
		"舆情专报工作台-0.1.0/用户说明.txt":        "\ufeff说明\r\n",
		"舆情专报工作台-0.1.0/bulletin.exe":    "MZ",
		"舆情专报工作台-0.1.0/fonts/README.md": "# fonts\n",
	}
	for name, body := range files {
		p := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stamp := time.Date(2026, 11, 30, 3, 30, 34, 0, time.UTC)
	out := filepath.Join(t.TempDir(), "out.zip")
	if err := write(out, base, "舆情专报工作台-0.1.0", stamp); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	got := map[string]string{}
	for _, f := range zr.File {
		if f.Flags&0x800 == 0 {
			t.Errorf("%s: UTF-8 flag not set (flags %#x)", f.Name, f.Flags)
		}
		if !f.Modified.Equal(stamp) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, stamp)
		}
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		got[f.Name] = string(b)
	}
	for name, want := range files {
		if got[name] != want {
			t.Errorf("%s: got %q, want %q", name, got[name], want)
		}
	}
	if len(got) != len(files) {
		t.Errorf("got files %v, want %d", got, len(files))
	}
}
