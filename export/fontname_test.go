package export

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestFontNames: every embedded font carries a subset tag and its
// PostScript name (ABCDEF+NotoSerifSC-Regular), so preflight tools can tell
// the fonts apart; the PDF still reads back whole.
func TestFontNames(t *testing.T) {
	pdf, _ := render(t, mustSample(t))
	names := map[string]bool{}
	for _, m := range regexp.MustCompile(`/(?:BaseFont|FontName) /(\S+?)[\s/>]`).FindAllSubmatch(pdf, -1) {
		names[string(m[1])] = true
	}
	var got []string
	ok := regexp.MustCompile(`^[A-Z]{6}\+[A-Za-z0-9-]+$`)
	for n := range names {
		got = append(got, n)
		if !ok.MatchString(n) {
			t.Errorf("font named %q, want ABCDEF+PostScriptName", n)
		}
	}
	sort.Strings(got)
	all := strings.Join(got, " ")
	for _, want := range []string{"+NotoSerifSC-Regular", "+NotoSerifSC-Bold", "+NotoSansSC-Bold", "+BulletinKai-GB2312-Regular"} {
		if !strings.Contains(all, want) {
			t.Errorf("fonts %v: none named …%s", got, want)
		}
	}
	if pages := pdfWords(t, pdf); len(pages) == 0 {
		t.Errorf("the renamed PDF does not read back")
	}
}
