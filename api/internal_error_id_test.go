package api_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	bbolt "go.etcd.io/bbolt"

	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/seed"
	"github.com/plancast/plancast/store/bolt"
)

// The log line that carries an internal error's details has the request's
// id, as its access line and its answer's X-Request-Id have: under
// concurrent traffic the id a bureau quotes finds the cause. The line had
// the method and path only.
func TestTheInternalErrorLineHasTheRequestID(t *testing.T) {
	path := filepath.Join(t.TempDir(), bolt.FileName)
	st, err := bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := seed.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// A stored region that no longer decodes: the store's fault, a 500.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("regions")).Put([]byte("houma"), []byte(`{"code":"houma",9}`))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err = bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })

	var logs logBuffer
	s := startServer(t, st, api.Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	r := s.get("/api/v1/regions")
	r.wantError(t, 500, "internal")
	id := r.header.Get("X-Request-Id")
	if id == "" {
		t.Fatal("the 500 has no X-Request-Id")
	}
	var line string
	for _, l := range strings.Split(logs.String(), "\n") {
		if strings.Contains(l, `msg="internal error"`) {
			line = l
		}
	}
	if !strings.Contains(line, "id="+id+" ") || !strings.Contains(line, "decode stored") {
		t.Errorf("the internal error's line %q; want it to carry id=%s and the cause", line, id)
	}
}
