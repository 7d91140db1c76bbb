package fonts

import (
	"errors"
	"fmt"
)

// Reasons a font file is refused; test them with errors.Is on the error Load
// returns.
var (
	ErrNotFound   = errors.New("font file not found")
	ErrNotFont    = errors.New("not a font file")
	ErrCFF        = errors.New("cff outlines cannot be embedded")
	ErrBroken     = errors.New("font file is damaged")
	ErrRestricted = errors.New("font licence forbids embedding")
	ErrNoCmap     = errors.New("font has no unicode bmp cmap")
	ErrNoFace     = errors.New("collection has no such face")
)

// LoadError is the error Load returns for a file that cannot be used. Its
// message is Chinese and meant for the user: it names the file and says why
// and what to do; Detail keeps the technical cause.
type LoadError struct {
	Path   string
	Reason error  // one of the Err* values above
	Detail string // technical detail, may be empty
	msg    string
}

// Error returns the Chinese message for the user.
func (e *LoadError) Error() string { return e.msg }

// Unwrap returns the reason, for errors.Is.
func (e *LoadError) Unwrap() error { return e.Reason }

// loadError builds a LoadError with the user message for reason.
func loadError(path string, reason error, detail string) *LoadError {
	var msg string
	switch reason {
	case ErrNotFound:
		msg = fmt.Sprintf("找不到字体文件 %s，请检查路径或重新选择字体", path)
	case ErrNotFont:
		msg = fmt.Sprintf("文件 %s 不是字体文件（无法识别的格式），请选择 TrueType（.ttf）或字体集（.ttc）文件", path)
	case ErrCFF:
		msg = fmt.Sprintf("字体文件 %s 是 OpenType CFF 格式（.otf），PDF 无法嵌入，请选择 TrueType（.ttf）字体", path)
	case ErrRestricted:
		msg = fmt.Sprintf("字体文件 %s 的授权不允许嵌入 PDF，请选择其他字体", path)
	case ErrNoCmap:
		msg = fmt.Sprintf("字体文件 %s 缺少 PDF 所需的 Unicode 字符映射表，无法用于排版，请选择其他字体", path)
	case ErrNoFace:
		msg = fmt.Sprintf("字体集 %s 中没有所选的字体（%s）", path, detail)
	default:
		msg = fmt.Sprintf("字体文件 %s 已损坏或不完整，无法使用，请重新安装该字体或选择其他字体", path)
	}
	if detail != "" && reason != ErrNoFace {
		msg += "（" + detail + "）"
	}
	return &LoadError{Path: path, Reason: reason, Detail: detail, msg: msg}
}
