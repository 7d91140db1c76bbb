package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:generate go run ./icongen -o icon.png -size 256

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon (a red-headed bulletin sheet), drawn by icongen.
// FyneApp.toml points the packager at the same icon.png; it is 256 px because
// fyne package turns it into a one-image Windows .ico, whose largest size is 256.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconPNG)
