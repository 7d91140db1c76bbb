package fonts

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Builtin is the Config value that keeps a role on its embedded font even
// when the PC has the font offices use for it.
const Builtin = "内置"

// RoleDefault returns the font file a role prints with when its setting is
// empty: the font offices use for it, when this PC has one that loads
// (Windows: simfang.ttf for 仿宋, simkai.ttf for 楷体, simhei.ttf for 黑体,
// simsun.ttc for 宋体, 方正小标宋 for 小标宋), else "" (the embedded font).
// A file that fails Load (damaged, .otf renamed, licence forbids embedding)
// is passed over.
func RoleDefault(role Role) string {
	return roleDefaultIn(roleFontDirs(), role)
}

// roleFontDirs are the folders searched for the office fonts: the Windows
// font folders on Windows; elsewhere the user's and system font folders and
// a Wine prefix's, where people copy simfang.ttf and the like.
func roleFontDirs() []string {
	if runtime.GOOS == "windows" {
		return windowsFontDirs()
	}
	dirs := unixFontDirs()
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".wine", "drive_c", "windows", "Fonts"))
	}
	return dirs
}

// roleDefaults is RoleDefault for the roles of one new Set: the font
// folders are read once for all of them (a Windows font folder holds
// hundreds of files), when a role first asks.
func roleDefaults() func(Role) string { return roleDefaultsIn(roleFontDirs) }

// roleDefaultsIn is roleDefaults for the font folders dirs gives.
func roleDefaultsIn(dirs func() []string) func(Role) string {
	var once sync.Once
	var folders fontFolders
	return func(role Role) string {
		once.Do(func() { folders = readFontFolders(dirs()) })
		return folders.roleDefault(role)
	}
}

// roleDefaultIn is RoleDefault for the font folders dirs. File names match
// without regard to case, as on Windows (FZXBSJW.TTF, fzxbsjw.ttf).
func roleDefaultIn(dirs []string, role Role) string {
	return readFontFolders(dirs).roleDefault(role)
}

// fontFolders holds the files of font folders, each by its name in lower
// case.
type fontFolders []map[string]string

func readFontFolders(dirs []string) fontFolders {
	byDir := make(fontFolders, len(dirs))
	for i, d := range dirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		byDir[i] = make(map[string]string, len(entries))
		for _, e := range entries {
			if !e.IsDir() {
				byDir[i][strings.ToLower(e.Name())] = filepath.Join(d, e.Name())
			}
		}
	}
	return byDir
}

// roleDefault is the first of role's office fonts in the folders that loads.
func (ff fontFolders) roleDefault(role Role) string {
	for _, p := range ff.find(roleCandidateNames[role]) {
		if _, err := Load(p); err == nil {
			return p
		}
	}
	return ""
}

// find returns the files whose names match names (ignoring case), in the
// order of names, then of the folders.
func (ff fontFolders) find(names []string) []string {
	var out []string
	for _, n := range names {
		for _, m := range ff {
			if p, ok := m[strings.ToLower(n)]; ok {
				out = append(out, p)
			}
		}
	}
	return existing(out)
}
