package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"

	"bulletin/export/ttf"
)

// fpdf's subsetter trusts the glyph tables: a loca offset out of order or
// past the glyf table makes it panic, and a composite glyph that refers to
// itself (directly or not) makes it recurse until the stack overflows, which
// no recover can catch. The trial run in Load touches only a few glyphs, so
// every glyph is checked here instead.

// checkGlyphs checks head, maxp, hhea, hmtx, loca and every glyph header of
// a standalone face the way fpdf will read them.
func checkGlyphs(data []byte, dir tableDir) error {
	table := func(tag string, min uint32) ([]byte, error) {
		t, _ := dir.find(tag)
		if t.length < min {
			return nil, fmt.Errorf("%s table too short", tag)
		}
		return data[t.offset : t.offset+t.length], nil
	}
	head, err := table("head", 54)
	if err != nil {
		return err
	}
	maxp, err := table("maxp", 6)
	if err != nil {
		return err
	}
	hhea, err := table("hhea", 36)
	if err != nil {
		return err
	}
	longLoca := binary.BigEndian.Uint16(head[50:])
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	numHMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if longLoca > 1 || numGlyphs == 0 || numHMetrics == 0 || numHMetrics > numGlyphs {
		return errors.New("bad head, maxp or hhea values")
	}
	if binary.BigEndian.Uint16(head[52:]) != 0 || binary.BigEndian.Uint16(hhea[32:]) != 0 {
		return errors.New("unknown glyph or metric data format in head or hhea")
	}
	if _, err := table("hmtx", uint32(4*numHMetrics+2*(numGlyphs-numHMetrics))); err != nil {
		return err
	}
	size := uint32(2 + 2*longLoca)
	loca, err := table("loca", uint32(numGlyphs+1)*size)
	if err != nil {
		return err
	}
	glyf, _ := table("glyf", 0)
	offsets := make([]uint32, numGlyphs+1)
	for i := range offsets {
		if size == 2 {
			offsets[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		} else {
			offsets[i] = binary.BigEndian.Uint32(loca[4*i:])
		}
		if offsets[i] > uint32(len(glyf)) || (i > 0 && offsets[i] < offsets[i-1]) {
			return fmt.Errorf("loca entry %d out of order or past glyf", i)
		}
	}
	components := make([][]uint16, numGlyphs)
	for g := 0; g < numGlyphs; g++ {
		body := glyf[offsets[g]:offsets[g+1]]
		if len(body) == 0 {
			continue
		}
		if len(body) < 10 {
			return fmt.Errorf("glyph %d too short", g)
		}
		if int16(binary.BigEndian.Uint16(body)) >= 0 {
			continue
		}
		if components[g], err = compositeParts(body, numGlyphs); err != nil {
			return fmt.Errorf("glyph %d: %w", g, err)
		}
	}
	return checkAcyclic(components)
}

// compositeParts returns the glyphs a composite glyph refers to.
func compositeParts(body []byte, numGlyphs int) ([]uint16, error) {
	var parts []uint16
	missing := false
	whole := ttf.Components(body, func(at int) {
		idx := binary.BigEndian.Uint16(body[at:])
		missing = missing || int(idx) >= numGlyphs
		parts = append(parts, idx)
	})
	switch {
	case missing:
		return nil, errors.New("composite glyph refers to a missing glyph")
	case !whole:
		return nil, errors.New("composite glyph truncated")
	}
	return parts, nil
}

// checkAcyclic refuses composite glyphs that contain themselves.
func checkAcyclic(components [][]uint16) error {
	const (
		unseen = iota
		active
		done
	)
	state := make([]uint8, len(components))
	type frame struct{ glyph, next int }
	for root := range components {
		if state[root] != unseen || components[root] == nil {
			continue
		}
		stack := []frame{{root, 0}}
		state[root] = active
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(components[top.glyph]) {
				state[top.glyph] = done
				stack = stack[:len(stack)-1]
				continue
			}
			child := int(components[top.glyph][top.next])
			top.next++
			switch state[child] {
			case active:
				return fmt.Errorf("composite glyph %d contains itself", child)
			case unseen:
				state[child] = active
				stack = append(stack, frame{child, 0})
			}
		}
	}
	return nil
}
