package layout

import (
	_ "embed"
	"encoding/binary"
	"math"
	"sort"
	"sync"
)

// The dictionary is compiled into the program as a table that is searched
// where it lies, so that a title costs a few binary searches and no load:
// reading jieba's 133 000 words into a map took 20–30 ms at the first title
// of every process (most of `bulletin render`). worddict/words.bin is made
// from worddict/words.txt.gz by the tests (go test ./export/layout -run
// TestWordTable -update-words), which check that it is up to date.
//
// Layout, little-endian: "WDT1", the word count n (uint32), the sum of the
// counts (float64), n word keys (wordKey, uint64) in ascending order, then
// their n counts (uint32).
//
//go:embed worddict/words.bin
var wordTable []byte

const wordTableHead = 16

// tableCount returns the dictionary count of the word with key k.
func tableCount(k uint64) (uint32, bool) {
	if len(wordTable) < wordTableHead || string(wordTable[:4]) != "WDT1" {
		return 0, false
	}
	n := int(binary.LittleEndian.Uint32(wordTable[4:]))
	keys := wordTable[wordTableHead:]
	key := func(i int) uint64 { return binary.LittleEndian.Uint64(keys[8*i:]) }
	i := sort.Search(n, func(i int) bool { return key(i) >= k })
	if i == n || key(i) != k {
		return 0, false
	}
	return binary.LittleEndian.Uint32(keys[8*n+4*i:]), true
}

// tableTotal returns the sum of the dictionary's counts.
func tableTotal() float64 {
	if len(wordTable) < wordTableHead || string(wordTable[:4]) != "WDT1" {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(wordTable[8:]))
}

// wordModel is what segment weighs words with: the lexicon's keys, and the
// log of the total count (the dictionary's and the lexicon's).
var wordModel struct {
	once    sync.Once
	lexicon map[uint64]bool
	logT    float64
	unknown float32
}

func loadWordModel() {
	wordModel.lexicon = make(map[uint64]bool, len(titleWords))
	total := tableTotal()
	for w := range titleWords {
		wordModel.lexicon[wordKey([]rune(w))] = true
		total += lexiconCount
	}
	wordModel.logT = math.Log(total)
	wordModel.unknown = float32(-wordModel.logT)
}

// wordLogP returns the log-probability of the word with key k: a lexicon
// word counts lexiconCount, above any ordinary word; false when the word is
// in neither.
func wordLogP(k uint64) (float32, bool) {
	wordModel.once.Do(loadWordModel)
	n := float32(lexiconCount)
	if !wordModel.lexicon[k] {
		c, ok := tableCount(k)
		if !ok || c == 0 {
			return 0, false
		}
		n = float32(c)
	}
	return float32(math.Log(float64(n)) - wordModel.logT), true
}

// wordKey hashes the runes of a word (FNV-1a, 64 bits).
func wordKey(rs []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range rs {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h
}

// lexiconCount is the frequency given to the lexicon's words: above any
// ordinary word, so that the phrase wins over its parts.
const lexiconCount = 200000
