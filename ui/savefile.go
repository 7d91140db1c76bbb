package ui

import (
	"bulletin/model"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// chooseFile asks where to save a file, offering name and showing only
// files ending in ext (".pdf", ".xlsx"); done gets the file to write unless
// the user cancelled.
func chooseFile(win fyne.Window, name, ext string, done func(fyne.URIWriteCloser)) {
	fd := newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(win, "选择文件", err)
			return
		}
		if w != nil {
			done(w)
		}
	}, win)
	fd.SetFileName(name)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// saveFileAs asks where to save name, then writes it (writeFile).
func saveFileAs(win fyne.Window, bg *tasks, name, ext, what, saved string, make func() ([]byte, error)) {
	chooseFile(win, name, ext, func(w fyne.URIWriteCloser) { writeFile(win, bg, w, what, saved, make) })
}

// writeFile makes the file's bytes and writes them to w off the UI thread.
// A failure leaves no partial file behind and is told under what
// ("导出附表"); a good write says saved and where the file went.
func writeFile(win fyne.Window, bg *tasks, w fyne.URIWriteCloser, what, saved string, make func() ([]byte, error)) {
	bg.run(func() func() {
		data, err := make()
		err = writeAll(w, data, err)
		return func() {
			if err != nil {
				showError(win, what, err)
				return
			}
			showInfo(win, saved+"：\n"+w.URI().Path())
		}
	})
}

// writeAll writes data to w and closes it, unless made (the error of making
// data) is not nil; on any failure the file is removed, so that no empty or
// partial file is left behind.
func writeAll(w fyne.URIWriteCloser, data []byte, made error) error {
	err := made
	if err == nil {
		_, err = w.Write(data)
	}
	if cerr := w.Close(); err == nil && cerr != nil {
		err = model.Errorf(model.EINVALID, "写入 %s 失败：%v", w.URI().Path(), cerr)
	}
	if err != nil {
		_ = storage.Delete(w.URI())
	}
	return err
}
