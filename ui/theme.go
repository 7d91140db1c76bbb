package ui

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"bulletin/assets"
)

// Fonts of the theme: the embedded Noto Sans SC, so that every office PC shows
// the same glyphs whatever fonts Windows has, cut to the characters of the UI
// (uifont.go) when first asked for: Fyne asks for the bold face only when it
// first draws bold text.
var (
	fontRegular = lazyFont("NotoSansSC-Regular-UI.ttf", assets.SansRegular)
	fontBold    = lazyFont("NotoSansSC-Bold-UI.ttf", assets.SansBold)
)

// lazyFont returns a function making the UI subset of font once; the full
// font stands in if it cannot be cut.
func lazyFont(name string, font []byte) func() fyne.Resource {
	return sync.OnceValue(func() fyne.Resource {
		sub, err := subsetFont(font, uiRunes())
		releasePages(font) // the full font was read once, to cut the subset
		if err != nil {
			fyne.LogError("UI font "+name, err)
			sub = font
		}
		return fyne.NewStaticResource(name, sub)
	})
}

// officeTheme is a calm light theme with the embedded CJK font. It is always
// light: the program is used in bright offices and its documents are paper-like.
type officeTheme struct {
	base fyne.Theme
}

func newOfficeTheme() fyne.Theme { return &officeTheme{base: theme.DefaultTheme()} }

// Colours of the theme: a muted government blue, neutral greys.
var (
	colorPrimary        = color.NRGBA{R: 0x2b, G: 0x5c, B: 0x8f, A: 0xff}
	colorBackground     = color.NRGBA{R: 0xf5, G: 0xf6, B: 0xf8, A: 0xff}
	colorInput          = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	colorHeader         = color.NRGBA{R: 0xe4, G: 0xe9, B: 0xf0, A: 0xff}
	colorText           = color.NRGBA{R: 0x1f, G: 0x29, B: 0x33, A: 0xff}
	colorDanger         = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	colorSelection      = color.NRGBA{R: 0x2b, G: 0x5c, B: 0x8f, A: 0x33}
	colorHover          = color.NRGBA{R: 0x2b, G: 0x5c, B: 0x8f, A: 0x1a}
	colorFocus          = color.NRGBA{R: 0x2b, G: 0x5c, B: 0x8f, A: 0x2a}
	colorSeparator      = color.NRGBA{R: 0xd5, G: 0xda, B: 0xe1, A: 0xff}
	colorDisabled       = color.NRGBA{R: 0x8a, G: 0x93, B: 0x9d, A: 0xff}
	colorButton         = color.NRGBA{R: 0xe2, G: 0xe7, B: 0xee, A: 0xff}
	colorDisabledButton = color.NRGBA{R: 0xec, G: 0xee, B: 0xf1, A: 0xff}
)

// Color implements fyne.Theme.
func (t *officeTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary:
		return colorPrimary
	case theme.ColorNameFocus:
		return colorFocus
	case theme.ColorNameBackground:
		return colorBackground
	case theme.ColorNameInputBackground, theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground:
		return colorInput
	case theme.ColorNameHeaderBackground:
		return colorHeader
	case theme.ColorNameForeground:
		return colorText
	case theme.ColorNameError:
		return colorDanger
	case theme.ColorNameWarning: // 即将到期: darker than Fyne's, to be read on its band
		return colorDueSoonText
	case theme.ColorNameSelection:
		return colorSelection
	case theme.ColorNameHover:
		return colorHover
	case theme.ColorNameButton:
		return colorButton
	case theme.ColorNameDisabledButton:
		return colorDisabledButton
	case theme.ColorNameSeparator:
		return colorSeparator
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
		return colorDisabled
	}
	return t.base.Color(n, theme.VariantLight)
}

// Font implements fyne.Theme: bold text uses the bold face, everything else the
// regular one (monospace included, since it must show Chinese too).
func (t *officeTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return fontBold()
	}
	return fontRegular()
}

// Icon implements fyne.Theme.
func (t *officeTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size implements fyne.Theme: slightly larger text than Fyne's default, since
// Chinese glyphs need more pixels than Latin ones to stay readable.
func (t *officeTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 14
	case theme.SizeNameHeadingText:
		return 20
	case theme.SizeNameSubHeadingText:
		return 16
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 3
	}
	return t.base.Size(n)
}

// colorOverdueBand is the pale red behind overdue rows of the case table.
var colorOverdueBand = color.NRGBA{R: 0xfd, G: 0xe8, B: 0xe8, A: 0xff}
