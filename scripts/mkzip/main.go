// Command mkzip writes a .zip of one folder for the Windows release. Unlike a
// plain `zip`, it marks every name as UTF-8 (general purpose flag bit 11), which
// Windows 10/11 Explorer honours, so Chinese file names unpack correctly on a
// PC of any locale; it also stamps every entry with one fixed time.
//
//	go run ./scripts/mkzip -o out.zip -C stage 舆情专报工作台-0.1.0
package main

import (
	"archive/zip"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"
)

func main() {
	out := flag.String("o", "", "output .zip")
	base := flag.String("C", ".", "folder the names are relative to")
	stamp := flag.String("time", "", "modification time of every entry, RFC 3339 (default now)")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: mkzip -o OUT.zip [-C DIR] [-time RFC3339] FOLDER")
		os.Exit(2)
	}
	mtime := time.Now()
	if *stamp != "" {
		t, err := time.Parse(time.RFC3339, *stamp)
		if err != nil {
			fmt.Fprintln(os.Stderr, "mkzip:", err)
			os.Exit(2)
		}
		mtime = t
	}
	if err := write(*out, *base, flag.Arg(0), mtime); err != nil {
		fmt.Fprintln(os.Stderr, "mkzip:", err)
		os.Exit(1)
	}
}

func write(out, base, folder string, mtime time.Time) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(filepath.Join(base, folder), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(base, p)
		if err != nil {
			return err
		}
		return add(zw, p, filepath.ToSlash(rel), d, mtime)
	})
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func add(zw *zip.Writer, p, name string, d fs.DirEntry, mtime time.Time) error {
	info, err := d.Info()
	if err != nil {
		return err
	}
	h, err := zip.FileInfoHeader(info)
	if err != nil {
		return err
	}
	h.Name = name
	h.Modified = mtime
	h.Flags |= 0x800 // names are UTF-8
	if d.IsDir() {
		h.Name = path.Clean(name) + "/"
		_, err := zw.CreateHeader(h)
		return err
	}
	h.Method = zip.Deflate
	w, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	src, err := os.Open(p)
	if err != nil {
		return err
	}
	defer src.Close()
	_, err = io.Copy(w, src)
	return err
}
