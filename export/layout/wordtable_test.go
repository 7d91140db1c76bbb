package layout

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"
)

var updateWords = flag.Bool("update-words", false, "rewrite worddict/words.bin from worddict/words.txt.gz")

// dictionaryCounts reads worddict/words.txt.gz as the program once did at
// run time: each line "word count", hashed by wordKey, the last of equal
// keys kept; total sums every count read.
func dictionaryCounts(t testing.TB) (map[uint64]uint32, float64) {
	t.Helper()
	gz, err := os.ReadFile(filepath.Join("worddict", "words.txt.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	counts := make(map[uint64]uint32, 140000)
	total := 0.0
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		sp := bytes.IndexByte(line, ' ')
		if sp <= 0 {
			continue
		}
		n, err := strconv.Atoi(string(line[sp+1:]))
		if err != nil || n <= 0 {
			continue
		}
		counts[wordKeyUTF8(line[:sp])] = uint32(n)
		total += float64(n)
	}
	return counts, total
}

// wordKeyUTF8 is wordKey of the runes of UTF-8 text.
func wordKeyUTF8(b []byte) uint64 {
	var rs []rune
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		rs = append(rs, r)
	}
	return wordKey(rs)
}

// buildWordTable makes the bytes of worddict/words.bin.
func buildWordTable(counts map[uint64]uint32, total float64) []byte {
	keys := make([]uint64, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]byte, wordTableHead, wordTableHead+12*len(keys))
	copy(out, "WDT1")
	binary.LittleEndian.PutUint32(out[4:], uint32(len(keys)))
	binary.LittleEndian.PutUint64(out[8:], math.Float64bits(total))
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint64(out, k)
	}
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint32(out, counts[k])
	}
	return out
}

// TestWordTable: the table compiled in is the one made from the dictionary
// file, and every word weighs exactly what it weighed when the dictionary
// was read into a map at run time (the lexicon's words above all).
func TestWordTable(t *testing.T) {
	counts, total := dictionaryCounts(t)
	want := buildWordTable(counts, total)
	if *updateWords {
		if err := os.WriteFile(filepath.Join("worddict", "words.bin"), want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("worddict/words.bin rewritten; build again to compile it in")
	}
	if !bytes.Equal(wordTable, want) {
		t.Fatal("worddict/words.bin is not made from worddict/words.txt.gz: go test ./export/layout -run TestWordTable -update-words")
	}
	// The reference: the map the program used to build at the first title.
	ref := make(map[uint64]float32, len(counts))
	for k, n := range counts {
		ref[k] = float32(n)
	}
	for w := range titleWords {
		ref[wordKey([]rune(w))] = lexiconCount
		total += lexiconCount
	}
	lt := math.Log(total)
	for k, n := range ref {
		want := float32(math.Log(float64(n)) - lt)
		if got, ok := wordLogP(k); !ok || got != want {
			t.Fatalf("word %x: log p %v (%v), want %v", k, got, ok, want)
		}
	}
	if wordModel.unknown != float32(-lt) {
		t.Errorf("unknown word: %v, want %v", wordModel.unknown, float32(-lt))
	}
	if _, ok := wordLogP(wordKey([]rune("㐀㐁㐂"))); ok {
		t.Error("a word in neither the dictionary nor the lexicon was found")
	}
}

// BenchmarkFirstTitle is the cost of the dictionary to a process's first
// title: now a few binary searches.
func BenchmarkSegmentTitle(b *testing.B) {
	rs := []rune("关于近期网民反映县城老旧小区集中供水管网改造进展缓慢及水质问题的舆情专报")
	for b.Loop() {
		segment(rs)
	}
}
