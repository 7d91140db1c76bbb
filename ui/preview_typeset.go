package ui

import (
	"bytes"
	"context"
	"fmt"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/model"
)

// bulletinPreview typesets b with the template settings, and for an issued
// bulletin checks the pages against the PDF stored when it was issued.
func bulletinPreview(store *model.Store, b *model.Bulletin) ([]layout.Page, []pageNotes, string, error) {
	ctx := context.Background()
	kv, err := store.FindSettings(ctx)
	if err != nil {
		return nil, nil, "", err
	}
	opt, err := export.OptionsFromSettings(kv)
	if err != nil {
		return nil, nil, "", err
	}
	doc := export.DocumentFromBulletin(b)
	if b.Title == "" || b.Body == "" {
		return nil, nil, "", model.Errorf(model.EINVALID, "填写标题和正文后，这里显示印出来的版面。")
	}
	pages, rep, err := export.Layout(doc, opt)
	if err != nil {
		return nil, nil, "", err
	}
	problems := pageProblems(pages, rep, true)
	note := missingNote(rep)
	if b.Frozen() && b.ID != 0 {
		stored, err := store.FindBulletinPDF(ctx, b.ID)
		var now bytes.Buffer
		if err == nil {
			_, err = export.Render(&now, doc, opt)
		}
		switch {
		case err != nil:
			return nil, nil, "", err
		case bytes.Equal(stored, now.Bytes()):
			note = "已印发：下面就是存档原件的版面。"
		default:
			note = "已印发：印发后模板、字体或程序有变化，下面按现在的设置排出，可能与存档原件不同；「导出 PDF」得到的是存档原件。"
		}
	}
	return pages, problems, note, nil
}

// missingNote counts the characters no font prints, for the note above the
// pages; "" when there is none.
func missingNote(rep *export.Report) string {
	if n := len(rep.Missing); n > 0 {
		return fmt.Sprintf("有 %d 个字符没有可用字体，印出来是方框，见所在页上方的说明。", n)
	}
	return ""
}

// printedPreview typesets one of the other documents (纪要, 交办单, 催办单,
// 批示抄清) with the template settings; stored, when not nil, gives the PDF
// kept when it was printed, against which the pages are checked.
func printedPreview(store *model.Store, doc export.Printed, stored func() ([]byte, error)) ([]layout.Page, []pageNotes, string, error) {
	return storedPreview(store, doc, stored, "下面就是存档原件的版面。", "存档后模板、字体或程序有变化，下面按现在的设置排出，可能与存档原件不同。")
}

// storedPreview is printedPreview saying same when the pages typeset now
// give the stored PDF byte for byte, and differ when they do not.
func storedPreview(store *model.Store, doc export.Printed, stored func() ([]byte, error), same, differ string) ([]layout.Page, []pageNotes, string, error) {
	kv, err := store.FindSettings(context.Background())
	if err != nil {
		return nil, nil, "", err
	}
	opt, err := export.OptionsFromSettings(kv)
	if err != nil {
		return nil, nil, "", err
	}
	pages, rep, err := export.LayoutPrinted(doc, opt)
	if err != nil {
		return nil, nil, "", err
	}
	note := missingNote(rep)
	if stored != nil {
		kept, err := stored()
		var now bytes.Buffer
		if err == nil {
			_, err = export.RenderPrinted(&now, doc, opt)
		}
		switch {
		case err != nil:
			return nil, nil, "", err
		case bytes.Equal(kept, now.Bytes()):
			note = same
		default:
			note = differ
		}
	}
	return pages, pageProblems(pages, rep, false), note, nil
}

// pageNotes is what is said above a page; serious when it is a problem to
// fix rather than information.
type pageNotes struct {
	lines   []string
	serious bool
}

// pageProblems lists, for each page, what the typesetter reports there: the
// characters no font prints, a 报尾 moved alone to a page of its own, a blank
// page added for 双面印刷.
func pageProblems(pages []layout.Page, rep *export.Report, bulletin bool) []pageNotes {
	out := make([]pageNotes, len(pages))
	for _, m := range rep.Missing {
		if m.Page < 1 || m.Page > len(pages) {
			continue
		}
		where := fmt.Sprintf("%s第 %d 段", m.Part, m.Para)
		if m.Index > 0 {
			where += fmt.Sprintf("第 %d 字", m.Index)
		}
		out[m.Page-1].serious = true
		out[m.Page-1].lines = append(out[m.Page-1].lines, fmt.Sprintf("%s“%c”（U+%04X）没有可用字体，印出来是方框", where, m.R, m.R))
	}
	for i, pg := range pages {
		if !bulletin || pg.Cover || i == 0 {
			continue
		}
		body, tail := false, len(pg.Rules) > 0
		for _, r := range pg.Runs {
			if r.Size > 14.5 { // body text is 三号 (16 pt); the 报尾 and page numbers are 四号
				body = true
			}
		}
		switch {
		case len(pg.Runs) == 0 && len(pg.Rules) == 0:
			out[i].lines = append(out[i].lines, "空白页：双面印刷时补的背面")
		case !body && tail && i == len(pages)-1:
			out[i].serious = true
			out[i].lines = append(out[i].lines, "报尾另起一页：正文最后一页放不下报尾")
		}
	}
	return out
}
