package fonts

import (
	"encoding/binary"
	"sync"
)

// Weight returns the face's weight class from its OS/2 table (400 regular,
// 700 bold); 400 when the table is missing or unreadable.
func (f *Face) Weight() int {
	f.weightOnce.Do(func() {
		f.weight = 400
		dir, err := readTableDir(f.data, 0)
		if err != nil {
			return
		}
		if t, ok := dir.find("OS/2"); ok && t.length >= 6 {
			if w := int(binary.BigEndian.Uint16(f.data[t.offset+4:])); w >= 100 && w <= 1000 {
				f.weight = w
			}
		}
	})
	return f.weight
}

// weightCache holds what Weight reads, once per face.
type weightCache struct {
	weightOnce sync.Once
	weight     int
}
