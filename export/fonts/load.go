package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
)

// requiredTables are the tables fpdf reads; a face missing one would fail (or
// panic) only when the PDF is written.
var requiredTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}

// Load loads a TrueType font file: "x.ttf", "x.ttc" (face 0) or "x.ttc#N"
// (face N of a collection). It refuses OpenType CFF (.otf) fonts, damaged
// files, fonts whose licence forbids embedding and files that are not fonts,
// with a *LoadError whose Chinese message names the file and says why. Every
// check is done here, including a trial run through fpdf, so that a font that
// loads never fails later when the PDF is written. Loads are cached by path,
// size and modification time.
func Load(path string) (*Face, error) {
	return loadFile(path, true)
}

// fileKey identifies one version of one face of a font file.
type fileKey struct {
	path     string
	size     int64
	modTime  time.Time
	needText bool
}

var (
	fileCacheMu sync.Mutex
	fileCache   = map[fileKey]*Face{}
)

// loadFile loads path. With needText it refuses faces fpdf cannot take as
// text (a role's font must be text); without, the fpdf trial run is left to
// Face.PDFText, so that scanning system fallbacks for a rare rune only
// parses them.
func loadFile(path string, needText bool) (*Face, error) {
	file, index, hasIndex := splitIndex(path)
	st, err := os.Stat(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, loadError(path, ErrNotFound, "")
		}
		return nil, loadError(path, ErrNotFound, err.Error())
	}
	if st.IsDir() {
		return nil, loadError(path, ErrNotFont, "这是一个文件夹")
	}
	key := fileKey{path: path, size: st.Size(), modTime: st.ModTime(), needText: needText}
	fileCacheMu.Lock()
	cached := fileCache[key]
	fileCacheMu.Unlock()
	if cached != nil {
		return cached, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, loadError(path, ErrNotFound, err.Error())
	}
	face, err := parseFace(data, index, path, needText)
	if err != nil {
		return nil, err
	}
	face.Path = path
	face.Name = filepath.Base(file)
	if hasIndex {
		face.Name += "#" + strconv.Itoa(index)
	}
	face.ID = fmt.Sprintf("f%08x%x", crc32.ChecksumIEEE(face.data), len(face.data))
	fileCacheMu.Lock()
	fileCache[key] = face
	fileCacheMu.Unlock()
	return face, nil
}

// splitIndex splits "x.ttc#N" into the file and the face index; ok is
// false when the path has no "#N" suffix (a '#' may be part of a file name).
func splitIndex(path string) (file string, index int, ok bool) {
	i := strings.LastIndexByte(path, '#')
	if i < 0 {
		return path, 0, false
	}
	n, err := strconv.Atoi(path[i+1:])
	if err != nil || n < 0 {
		return path, 0, false
	}
	return path[:i], n, true
}

// parseFace checks data and returns the face at index as a standalone
// TrueType face. name is used in error messages.
func parseFace(data []byte, index int, name string, needText bool) (*Face, error) {
	if len(data) < 12 {
		return nil, loadError(name, ErrNotFont, "")
	}
	var dir tableDir
	var err error
	switch magic := binary.BigEndian.Uint32(data); magic {
	case tagTTC:
		dir, err = collectionDir(data, index, name)
		if err != nil {
			return nil, err
		}
	case tagOTTO, tagTrueType, tagTrue:
		if index != 0 {
			return nil, loadError(name, ErrNoFace, fmt.Sprintf("这不是字体集，只有第 0 个字体，没有第 %d 个", index))
		}
		if magic == tagOTTO {
			return nil, loadError(name, ErrCFF, "")
		}
		dir, err = readTableDir(data, 0)
		if err != nil {
			return nil, loadError(name, ErrBroken, err.Error())
		}
	case tagWOFF, tagWOFF2:
		return nil, loadError(name, ErrNotFont, "这是网页字体 WOFF 格式")
	default:
		return nil, loadError(name, ErrNotFont, "")
	}
	if err := checkTables(dir, name); err != nil {
		return nil, err
	}
	face := data
	if binary.BigEndian.Uint32(data) == tagTTC {
		if face, err = extractFace(data, dir); err != nil {
			return nil, loadError(name, ErrBroken, err.Error())
		}
		if dir, err = readTableDir(face, 0); err != nil {
			return nil, loadError(name, ErrBroken, err.Error())
		}
	}
	if err := checkGlyphs(face, dir); err != nil {
		return nil, loadError(name, ErrBroken, err.Error())
	}
	if embeddingRestricted(fsType(face, dir)) {
		return nil, loadError(name, ErrRestricted, "")
	}
	f, err := sfnt.Parse(face)
	if err != nil {
		return nil, loadError(name, ErrBroken, err.Error())
	}
	fc := newFace(face, f)
	fc.cmap4, err = bmpCmap(face, dir)
	if err != nil {
		return nil, loadError(name, ErrBroken, err.Error())
	}
	if !needText {
		return fc, nil // the fpdf trial run waits until the face is used as text
	}
	if !fc.cmap4 {
		return nil, loadError(name, ErrNoCmap, "")
	}
	if err := fc.checkPDF(); err != nil {
		return nil, loadError(name, ErrBroken, err.Error())
	}
	return fc, nil
}

// collectionDir returns the table directory of face index of a TTC.
func collectionDir(data []byte, index int, name string) (tableDir, error) {
	offs, err := collectionOffsets(data)
	if err != nil {
		return tableDir{}, loadError(name, ErrBroken, err.Error())
	}
	if index >= len(offs) {
		return tableDir{}, loadError(name, ErrNoFace, fmt.Sprintf("共 %d 个字体（#0 至 #%d），没有 #%d", len(offs), len(offs)-1, index))
	}
	dir, err := readTableDir(data, offs[index])
	if err != nil {
		return tableDir{}, loadError(name, ErrBroken, err.Error())
	}
	if dir.version == tagOTTO {
		return tableDir{}, loadError(name, ErrCFF, "")
	}
	return dir, nil
}

// checkTables refuses CFF faces and faces missing a table fpdf reads.
func checkTables(dir tableDir, name string) error {
	_, glyf := dir.find("glyf")
	_, cff := dir.find("CFF ")
	_, cff2 := dir.find("CFF2")
	if !glyf && (cff || cff2) {
		return loadError(name, ErrCFF, "")
	}
	for _, tag := range requiredTables {
		if _, ok := dir.find(tag); !ok {
			return loadError(name, ErrBroken, "缺少 "+strings.TrimSpace(tag)+" 表")
		}
	}
	return nil
}

// pdfCheck runs the face through fpdf the way the PDF drawer will: register
// it, write one of its characters and produce the subset font. fpdf panics or
// prints on some malformed fonts, so the run is guarded.
func pdfCheck(fc *Face) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("fpdf: %v", r)
		}
	}()
	sample := ""
	for _, r := range "一国A0" {
		if fc.Has(r) {
			sample += string(r)
		}
	}
	for r := rune(0x21); sample == "" && r < 0xFFFF; r++ {
		if fc.Has(r) && !Invisible(r) {
			sample = string(r)
		}
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("check", "", fc.data)
	pdf.AddPage()
	pdf.SetFont("check", "", 12)
	if sample != "" {
		pdf.Text(10, 10, sample)
	}
	if err := pdf.Output(io.Discard); err != nil {
		return fmt.Errorf("fpdf: %w", err)
	}
	return nil
}
