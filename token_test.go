package plancast_test

import (
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// A token's ID is the first 12 hex digits of its hash: what listings show
// and revocations name, never the secret.
func TestATokenIDIsTheStartOfItsHash(t *testing.T) {
	secret, hash := plancast.NewTokenSecret()
	tok := plancast.Token{Hash: hash}
	if id := tok.ID(); id != hash[:12] || len(id) != 12 {
		t.Fatalf("ID = %q, want the first 12 digits of %s", id, hash)
	}
	if tok.ID() == secret[:12] {
		t.Fatal("the ID is the start of the secret")
	}
}

// A revoked token carries the time it was revoked.
func TestARevokedTokenNeedsItsTime(t *testing.T) {
	_, hash := plancast.NewTokenSecret()
	tok := plancast.Token{Hash: hash, Scope: plancast.ScopeRead, Created: time.Now(), Revoked: &time.Time{}}
	if code := plancast.ErrorCode(tok.Validate()); code != plancast.EINVALID {
		t.Fatalf("a revocation without a time validates with %q, want invalid", code)
	}
	now := time.Now()
	tok.Revoked = &now
	if err := tok.Validate(); err != nil {
		t.Fatalf("a token revoked now: %v", err)
	}
}

// A revoked token may write nothing, whatever its scope.
func TestARevokedTokenMayNotWrite(t *testing.T) {
	_, hash := plancast.NewTokenSecret()
	admin := plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Admin: true}
	houma := plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Region: "houma"}
	if !admin.MayWrite("houma") || !houma.MayWrite("houma") {
		t.Fatal("tokens in force must write their regions")
	}
	now := time.Now()
	admin.Revoked, houma.Revoked = &now, &now
	if admin.MayWrite("houma") || houma.MayWrite("houma") {
		t.Error("a revoked token may still write")
	}
}

// Tokens sort by creation, then hash.
func TestSortTokensByCreationThenHash(t *testing.T) {
	jan, feb := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	ts := []plancast.Token{{Hash: "c", Created: feb}, {Hash: "b", Created: jan}, {Hash: "a", Created: feb}}
	plancast.SortTokens(ts)
	if ts[0].Hash != "b" || ts[1].Hash != "a" || ts[2].Hash != "c" {
		t.Fatalf("sorted as %v, %v, %v; want b (January), then a and c (February, by hash)", ts[0].Hash, ts[1].Hash, ts[2].Hash)
	}
}
