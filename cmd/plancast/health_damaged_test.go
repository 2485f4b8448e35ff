package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast/api"
)

// /healthz of a server on the embedded store reads the store: when the
// file is damaged under the running server (here the page of the regions
// bucket zeroed), the probe says "degraded" and why, naming the file and
// how to restore it. It said "ok", from the store being open, while every
// read of the catalog or the figures answered 500 "internal error".
func TestHealthzSaysDegradedWhenTheEmbeddedStoreDoesNotRead(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	serveEmbedded(t, dir, addr)
	health := func() (int, api.Health) {
		t.Helper()
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var h api.Health
		if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, h
	}
	if code, h := health(); code != 200 || h.Status != "ok" {
		t.Fatalf("/healthz of a sound store: %d %+v; want 200 ok", code, h)
	}

	path := filepath.Join(dir, "plancast.db")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bbolt.Open(cp, 0o400, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var root int64
	_ = db.View(func(tx *bbolt.Tx) error { root = int64(tx.Bucket([]byte("regions")).Root()); return nil })
	pageSize := int64(db.Info().PageSize)
	db.Close()
	if root == 0 {
		t.Fatal("the demo data's regions bucket is inline: no page of its own to damage")
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(make([]byte, pageSize), root*pageSize); err != nil {
		t.Fatal(err)
	}
	f.Close()

	resp, err := http.Get("http://" + addr + "/api/v1/regions")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == 200 {
		t.Fatalf("/api/v1/regions answers 200 on a damaged regions page: the damage did not take")
	}
	code, h := health()
	t.Logf("/healthz: %d %s %+v", code, h.Status, h.Store)
	if code != 200 || h.Status != "degraded" || h.Store == nil || h.Store.Reachable {
		t.Fatalf("/healthz of a store whose regions do not read: %d %+v %+v; want 200 degraded, store not reachable", code, h, h.Store)
	}
	for _, want := range []string{path, "does not read", "damaged", "plancast restore --from FILE"} {
		if !strings.Contains(h.Store.Error, want) {
			t.Errorf("/healthz does not say %q: %s", want, h.Store.Error)
		}
	}
}
