package storetest

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// An archive exported with its tokens moves them: the new store opens to the
// same ones, a revoked one stays revoked, a token already there as the
// archive has it is not written again, and one held otherwise is refused
// before anything is written. Without the option no token leaves the store.
func testArchiveTokens(t *testing.T, open Opener) {
	from := open(t)
	ArchiveFixture(t, from)
	created := time.Date(2021, 4, 20, 8, 0, 0, 0, time.UTC)
	_, houmaHash := plancast.NewTokenSecret()
	_, adminHash := plancast.NewTokenSecret()
	revoked := created.Add(48 * time.Hour)
	tokens := []plancast.Token{
		{Hash: houmaHash, Scope: plancast.ScopeWrite, Region: "houma", Name: "Houma bureau", Created: created},
		{Hash: adminHash, Scope: plancast.ScopeWrite, Admin: true, Created: created.Add(time.Hour), Revoked: &revoked},
	}
	for _, tok := range tokens {
		if err := from.PutToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	export := func(withTokens bool) func() (*plancast.ArchiveReader, error) {
		var buf bytes.Buffer
		stats, err := plancast.WriteArchive(ctx, from, &buf, plancast.ExportOptions{Tokens: withTokens})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int{false: 0, true: 2}[withTokens]; stats.Tokens != want {
			t.Fatalf("export with tokens %v counted %d tokens, want %d", withTokens, stats.Tokens, want)
		}
		return func() (*plancast.ArchiveReader, error) {
			return plancast.NewArchiveReader(bytes.NewReader(buf.Bytes()), nil)
		}
	}

	plain := open(t)
	if _, err := plancast.ImportArchive(ctx, plain, export(false), plancast.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, err := plain.Tokens(ctx); err != nil || len(got) != 0 {
		t.Errorf("after an import of an archive without tokens the store holds %v (%v); want none", got, err)
	}

	withTokens := export(true)
	to := open(t)
	res, err := plancast.ImportArchive(ctx, to, withTokens, plancast.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Archive.Tokens != 2 || !strings.HasSuffix(res.Archive.String(), ", 2 access tokens") {
		t.Errorf("the import's archive counts %q", res.Archive)
	}
	got, err := to.Tokens(ctx)
	if err != nil || len(got) != 2 {
		t.Fatalf("the imported store's tokens: %v, %v; want 2", got, err)
	}
	for i := range tokens {
		if g, w := got[i], tokens[i]; g.Hash != w.Hash || g.Region != w.Region || g.Admin != w.Admin || g.Name != w.Name ||
			!g.Created.Equal(w.Created) || (g.Revoked == nil) != (w.Revoked == nil) {
			t.Errorf("imported token %d: %+v, want %+v", i, g, w)
		}
	}
	if got[1].Revoked == nil || !got[1].Revoked.Equal(revoked) {
		t.Errorf("the revoked admin token came over as %+v; want revoked on %v", got[1], revoked)
	}
	if _, err := plancast.ImportArchive(ctx, to, withTokens, plancast.ImportOptions{}); err != nil {
		t.Errorf("importing the same archive again: %v", err)
	}

	// A store where the admin token is not revoked: which record is right is
	// the operator's to say, so nothing is written.
	other := open(t)
	if err := other.PutToken(ctx, plancast.Token{Hash: adminHash, Scope: plancast.ScopeWrite, Admin: true, Created: created.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	before := dataVersion(t, other)
	_, err = plancast.ImportArchive(ctx, other, withTokens, plancast.ImportOptions{})
	if plancast.ErrorCode(err) != plancast.ECONFLICT || !strings.Contains(err.Error(), "admin here, admin, revoked 2021-04-22 in the archive") {
		t.Fatalf("import over a token held otherwise: %v; want a conflict naming both", err)
	}
	if v := dataVersion(t, other); v != before {
		t.Errorf("the refused import moved the data version %s → %s", before, v)
	}
	if rs, _ := other.Regions(ctx); len(rs) != 0 {
		t.Errorf("the refused import wrote regions %v", rs)
	}
}
