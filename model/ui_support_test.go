package model

import (
	"context"
	"path/filepath"
	"testing"
)

func TestStoredSetting(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "bulletin.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if v, ok, err := s.StoredSetting(ctx, SettingBackupKeep); err != nil || ok || v != "" {
		t.Errorf("never saved: StoredSetting = %q, %v, %v; want \"\", false (no default)", v, ok, err)
	}
	if err := s.SetSetting(ctx, SettingBackupDir, ""); err != nil {
		t.Fatal(err)
	}
	if v, ok, err := s.StoredSetting(ctx, SettingBackupDir); err != nil || !ok || v != "" {
		t.Errorf("saved empty: StoredSetting = %q, %v, %v; want \"\", true", v, ok, err)
	}
}
