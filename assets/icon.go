package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:generate go run ./icongen -o icon.png -size 512

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon (a red-headed bulletin sheet), drawn by icongen.
// FyneApp.toml points the packager at the same icon.png.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconPNG)
