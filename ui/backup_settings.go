package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"

	"bulletin/model"
)

// Preference keys of the backup settings. The settings live in the store, so
// that they travel with the data (portable use); the preferences keep a copy
// for when the store cannot be opened (a damaged or missing file), and are
// where versions before 0.2 kept them.
const (
	prefBackupDir  = "backup.dir"
	prefBackupKeep = "backup.keep"
)

// backupDir returns the backup folder as last saved on this PC, or the
// default beside the database: for when the store cannot be opened.
func backupDir(prefs fyne.Preferences, dbPath string) string {
	if prefs != nil {
		if d := prefs.String(prefBackupDir); d != "" {
			return d
		}
	}
	return model.DefaultBackupDir(dbPath)
}

// backupSettings are the backup folder and how many automatic backups to keep.
type backupSettings struct {
	dir  string // "" = the default folder beside the database
	keep int
}

// folder is the backup folder to use for the database at dbPath.
func (bs backupSettings) folder(dbPath string) string {
	if bs.dir == "" {
		return model.DefaultBackupDir(dbPath)
	}
	return bs.dir
}

// loadBackupSettings reads the backup settings from the store. A setting
// never saved there is taken from the preferences, where earlier versions
// kept it, and copied into the store, once.
func loadBackupSettings(ctx context.Context, s *model.Store, prefs fyne.Preferences) (backupSettings, error) {
	bs := backupSettings{keep: model.DefaultKeep}
	dir, ok, err := s.StoredSetting(ctx, model.SettingBackupDir)
	if err != nil {
		return bs, err
	}
	keep, keepOK, err := s.StoredSetting(ctx, model.SettingBackupKeep)
	if err != nil {
		return bs, err
	}
	migrate := map[string]string{}
	if ok {
		bs.dir = dir
	} else if prefs != nil && prefs.String(prefBackupDir) != "" {
		bs.dir = prefs.String(prefBackupDir)
		migrate[model.SettingBackupDir] = bs.dir
	}
	if n, err := strconv.Atoi(keep); keepOK && err == nil && n > 0 {
		bs.keep = n
	} else if n := prefKeep(prefs); !keepOK && n > 0 {
		bs.keep = n
		migrate[model.SettingBackupKeep] = strconv.Itoa(n)
	}
	if len(migrate) > 0 {
		if err := s.SetSettings(ctx, migrate); err != nil {
			return bs, err
		}
	}
	return bs, nil
}

// prefKeep is the keep count saved in the preferences, or 0.
func prefKeep(prefs fyne.Preferences) int {
	if prefs == nil {
		return 0
	}
	return prefs.IntWithFallback(prefBackupKeep, 0)
}

// saveBackupSetting stores one backup setting in the store and keeps the
// preferences' copy in step.
func saveBackupSetting(s *model.Store, prefs fyne.Preferences, key, value string) error {
	if err := s.SetSetting(context.Background(), key, value); err != nil {
		return err
	}
	if prefs != nil {
		switch key {
		case model.SettingBackupDir:
			prefs.SetString(prefBackupDir, value)
		case model.SettingBackupKeep:
			n, _ := strconv.Atoi(value)
			prefs.SetInt(prefBackupKeep, n)
		}
	}
	return nil
}
