// Package assets holds the files embedded in the program: the fonts (with their
// licences beside them in fonts/) and the application icon.
package assets

import _ "embed"

// Embedded fonts. See fonts/README.md for sources and licences.
var (
	//go:embed fonts/NotoSerifSC-Regular.ttf
	SerifRegular []byte
	//go:embed fonts/NotoSerifSC-Bold-GB2312.ttf
	SerifBold []byte
	//go:embed fonts/NotoSansSC-Regular.ttf
	SansRegular []byte
	//go:embed fonts/NotoSansSC-Bold.ttf
	SansBold []byte
	//go:embed fonts/BulletinKai-GB2312.ttf
	Kai []byte
)

// Font file names, as shown to users in the settings' font check.
const (
	SerifRegularName = "NotoSerifSC-Regular.ttf（内置）"
	SerifBoldName    = "NotoSerifSC-Bold-GB2312.ttf（内置）"
	SansRegularName  = "NotoSansSC-Regular.ttf（内置）"
	SansBoldName     = "NotoSansSC-Bold.ttf（内置）"
	KaiName          = "BulletinKai-GB2312.ttf（内置，霞鹜文楷子集）"
)
