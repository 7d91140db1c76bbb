package fonts

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// windowsFallbackNames are the Windows fonts tried for missing characters,
// in order: the CJK Extension B and G faces first (the only usual source of
// runes above U+FFFF), then the common Chinese system fonts.
var windowsFallbackNames = []string{
	"simsunb.ttf", "SimsunExtG.ttf", "simsun.ttc", "simfang.ttf", "simkai.ttf",
	"simhei.ttf", "msyh.ttc", "msjh.ttc", "mingliub.ttc", "mingliu.ttc",
	"seguisym.ttf", // ✔ ✗ and other symbols the Noto CJK fonts lack
}

// linuxFirst are the Linux fonts tried before the rest of the font folders:
// HanaMin covers the CJK extensions.
var linuxFirst = []string{
	"/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
	"/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
}

// roleCandidateNames are the usual Windows file names of each role's font.
var roleCandidateNames = map[Role][]string{
	RoleXiaobiaosong: {"FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXBSJW--GB1-0.ttf", "方正小标宋_GBK.ttf", "FZXBSK.TTF"},
	RoleFangsong:     {"simfang.ttf", "仿宋_GB2312.ttf", "FS_GB2312.ttf", "FZFSJW.TTF"},
	RoleHeiti:        {"simhei.ttf", "FZHTJW.TTF"},
	RoleKaiti:        {"simkai.ttf", "楷体_GB2312.ttf", "KAI_GB2312.ttf", "FZKTJW.TTF"},
	RoleSongti:       {"simsun.ttc", "FZSSJW.TTF"},
}

// linuxRoleCandidates are likely role fonts on a Debian-like system.
var linuxRoleCandidates = map[Role][]string{
	RoleKaiti:  {"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", "/usr/share/fonts/truetype/arphic/ukai.ttc"},
	RoleSongti: {"/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"},
	RoleHeiti:  {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"},
}

// windowsFontDirs returns the system and per-user font folders of Windows.
func windowsFontDirs() []string {
	win := os.Getenv("WINDIR")
	if win == "" {
		win = `C:\Windows`
	}
	dirs := []string{filepath.Join(win, "Fonts")}
	if local := os.Getenv("LOCALAPPDATA"); local != "" {
		dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
	}
	return dirs
}

// unixFontDirs returns the folders searched for TrueType fonts.
func unixFontDirs() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
	}
	return dirs
}

// existing keeps the paths that are regular files, dropping repeats (also
// through symlinks), in order.
func existing(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || st.IsDir() {
			continue
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil {
			real = p
		}
		if seen[real] {
			continue
		}
		seen[real] = true
		out = append(out, p)
	}
	return out
}

// inDirs joins every name with every folder.
func inDirs(dirs, names []string) []string {
	var out []string
	for _, n := range names {
		for _, d := range dirs {
			out = append(out, filepath.Join(d, n))
		}
	}
	return out
}

// styled reports font files whose name says bold, italic or another
// non-regular style: they come after the regular ones as fallbacks.
func styled(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	for _, s := range []string{"bold", "italic", "oblique", "light", "black", "heavy", "thin", "medium", "condensed"} {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// trueTypeFiles lists the .ttf and .ttc files under dirs: regular styles
// first, each group sorted by path.
func trueTypeFiles(dirs []string) []string {
	var out []string
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable folder: skip it
			}
			ext := strings.ToLower(filepath.Ext(p))
			if !e.IsDir() && (ext == ".ttf" || ext == ".ttc") {
				out = append(out, p)
			}
			return nil
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if si, sj := styled(out[i]), styled(out[j]); si != sj {
			return sj
		}
		return out[i] < out[j]
	})
	return out
}

// SystemFallbacks returns the font files on this PC used for characters the
// role and embedded fonts lack, in a fixed order; only files that exist. On
// Windows: SimSun-ExtB (simsunb.ttf), SimSun-ExtG, simsun.ttc, simfang.ttf,
// simkai.ttf, simhei.ttf, msyh.ttc and a few more. Elsewhere: HanaMinA and
// HanaMinB, then every other .ttf/.ttc under the usual font folders (.otf
// files are skipped: fpdf cannot use them).
func SystemFallbacks() []string {
	if runtime.GOOS == "windows" {
		return windowsFallbacksIn(windowsFontDirs())
	}
	return existing(append(append([]string(nil), linuxFirst...), trueTypeFiles(unixFontDirs())...))
}

// SystemCandidates returns the font files on this PC that likely suit role
// (on Windows simfang.ttf for 仿宋, simkai.ttf for 楷体, simhei.ttf for 黑体,
// simsun.ttc for 宋体, 方正小标宋 for 小标宋), for the settings screen. Only
// files that exist are listed; they are not loaded or checked.
func SystemCandidates(role Role) []string {
	if runtime.GOOS == "windows" {
		return existing(inDirs(windowsFontDirs(), roleCandidateNames[role]))
	}
	return existing(linuxRoleCandidates[role])
}

// windowsFallbacksIn is SystemFallbacks for Windows font folders dirs.
func windowsFallbacksIn(dirs []string) []string {
	return existing(inDirs(dirs, windowsFallbackNames))
}
