package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// testTokenLifecycle states what listing and revoking tokens rely on: every
// token is listed in one order, and a revocation is the same record written
// again with its date, which replaces the one stored (on InfluxDB: the same
// measurement, hash tag and time, so the field is overwritten, not doubled).
func testTokenLifecycle(t *testing.T, open Opener) {
	t.Run("ListedOldestFirst", func(t *testing.T) { testTokensListedInOrder(t, open(t)) })
	t.Run("RevokedIsKeptWithItsDate", func(t *testing.T) { testTokenRevoked(t, open(t)) })
	t.Run("RevocationIsIdempotent", func(t *testing.T) { testTokenRevokedTwice(t, open(t)) })
	t.Run("IssuedSecretOpensItsToken", func(t *testing.T) { testTokenIssued(t, open(t)) })
}

func mustTokens(t *testing.T, st plancast.Store) []plancast.Token {
	t.Helper()
	ts, err := st.Tokens(ctx)
	if err != nil {
		t.Fatalf("Tokens: %v", err)
	}
	return ts
}

// hashOf is a well-formed hash whose ID starts with prefix (hex digits).
func hashOf(prefix string) string { return prefix + strings.Repeat("0", 64-len(prefix)) }

// Tokens lists every token, oldest first and, created at the same moment,
// by hash; an empty store lists none.
func testTokensListedInOrder(t *testing.T, st plancast.Store) {
	if ts := mustTokens(t, st); len(ts) != 0 {
		t.Fatalf("an empty store lists %d tokens", len(ts))
	}
	jan, feb := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC), time.Date(2026, 2, 5, 9, 0, 0, 0, time.UTC)
	// Written in an order that is neither the hashes' nor the dates'.
	for _, tok := range []plancast.Token{
		{Hash: hashOf("ff"), Scope: plancast.ScopeWrite, Region: "houma", Name: "Houma bureau", Created: feb},
		{Hash: hashOf("bb"), Scope: plancast.ScopeRead, Created: jan},
		{Hash: hashOf("aa"), Scope: plancast.ScopeWrite, Admin: true, Name: "operator", Created: jan},
		{Hash: hashOf("01"), Scope: plancast.ScopeWrite, Region: "zizhou", Created: feb.Add(time.Hour)},
	} {
		if err := st.PutToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	ts := mustTokens(t, st)
	var ids []string
	for _, tok := range ts {
		ids = append(ids, tok.ID())
	}
	if got, want := strings.Join(ids, " "), "aa0000000000 bb0000000000 ff0000000000 010000000000"; got != want {
		t.Fatalf("tokens listed as %s, want %s (by creation, then hash)", got, want)
	}
	if h := ts[2]; h.Region != "houma" || h.Name != "Houma bureau" || h.Scope != plancast.ScopeWrite || h.Admin || !h.Created.Equal(feb) || h.Revoked != nil {
		t.Errorf("Houma's token listed as %+v", h)
	}
	if a := ts[0]; !a.Admin || a.Name != "operator" {
		t.Errorf("the admin token listed as %+v", a)
	}
}

// A revoked token stays stored with the date it was revoked: it is listed
// once, with that date, and TokenByHash still finds it (so that the server
// can say it was revoked rather than unknown). It can be named by its ID or
// its whole hash; other tokens are untouched.
func testTokenRevoked(t *testing.T, st plancast.Store) {
	created := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	leaked := plancast.Token{Hash: hashOf("1a2b3c4d5e6f"), Scope: plancast.ScopeWrite, Region: "houma", Name: "Houma bureau", Created: created}
	kept := plancast.Token{Hash: hashOf("99"), Scope: plancast.ScopeRead, Created: created.Add(time.Minute)}
	for _, tok := range []plancast.Token{leaked, kept} {
		if err := st.PutToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	when := time.Date(2026, 11, 22, 10, 30, 0, 0, time.FixedZone("CST", 8*3600))
	got, err := plancast.RevokeToken(ctx, st, "1A2B3C4D5E6F", when) // as a person might type it
	if err != nil {
		t.Fatalf("RevokeToken: %v", err)
	}
	if got.Hash != leaked.Hash || got.Revoked == nil || !got.Revoked.Equal(when) || got.Revoked.Location() != time.UTC {
		t.Fatalf("RevokeToken answered %+v, want the Houma token revoked at %v, in UTC", got, when)
	}

	ts := mustTokens(t, st)
	if len(ts) != 2 {
		t.Fatalf("after the revocation %d tokens are listed, want the same 2 (the revocation replaces the record): %+v", len(ts), ts)
	}
	if r := ts[0]; r.Hash != leaked.Hash || r.Revoked == nil || !r.Revoked.Equal(when) || r.Region != "houma" || r.Name != "Houma bureau" || !r.Created.Equal(created) {
		t.Errorf("the revoked token is listed as %+v, want it whole with its revocation date", r)
	}
	if ts[1].Revoked != nil {
		t.Errorf("the other token was revoked too: %+v", ts[1])
	}
	byHash, err := st.TokenByHash(ctx, leaked.Hash)
	if err != nil {
		t.Fatalf("TokenByHash of a revoked token: %v; want the record, revoked", err)
	}
	if byHash.Revoked == nil || !byHash.Revoked.Equal(when) {
		t.Errorf("TokenByHash of a revoked token answers %+v, want Revoked %v", byHash, when)
	}

	// By its whole hash too.
	if got, err := plancast.RevokeToken(ctx, st, kept.Hash, when); err != nil || got.Hash != kept.Hash || got.Revoked == nil {
		t.Errorf("revoke by the whole hash: %+v, %v", got, err)
	}
}

// Revoking a revoked token changes nothing: it keeps the first date. An ID
// no token has is not found, and something that is no ID is invalid.
func testTokenRevokedTwice(t *testing.T, st plancast.Store) {
	tok := plancast.Token{Hash: hashOf("abcdef012345"), Scope: plancast.ScopeWrite, Admin: true, Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	if err := st.PutToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	first := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	if _, err := plancast.RevokeToken(ctx, st, tok.ID(), first); err != nil {
		t.Fatal(err)
	}
	again, err := plancast.RevokeToken(ctx, st, tok.ID(), first.AddDate(0, 1, 0))
	if err != nil {
		t.Fatalf("revoking a revoked token: %v; want it answered as it is", err)
	}
	if again.Revoked == nil || !again.Revoked.Equal(first) {
		t.Errorf("revoked again, the token says %v; want the first revocation, %v", again.Revoked, first)
	}
	stored, err := st.TokenByHash(ctx, tok.Hash)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Revoked == nil || !stored.Revoked.Equal(first) {
		t.Errorf("the store holds the revocation date %v, want the first, %v", stored.Revoked, first)
	}

	_, err = plancast.RevokeToken(ctx, st, "0123456789ab", first)
	wantCode(t, err, plancast.ENOTFOUND)
	_, err = plancast.RevokeToken(ctx, st, hashOf("77"), first)
	wantCode(t, err, plancast.ENOTFOUND)
	for _, bad := range []string{"", "abcdef01234", "abcdef0123456", "ghijkl012345", "../../tokens"} {
		_, err = plancast.RevokeToken(ctx, st, bad, first)
		wantCode(t, err, plancast.EINVALID)
	}
}

// IssueToken stores a new token under a fresh secret's hash, created now,
// and the secret finds it; a token that does not validate is not stored.
func testTokenIssued(t *testing.T, st plancast.Store) {
	now := time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)
	secret, issued, err := plancast.IssueToken(ctx, st, plancast.Token{Scope: plancast.ScopeWrite, Region: "houma", Name: "Houma bureau"}, now)
	if err != nil {
		t.Fatalf("IssueToken: %v", err)
	}
	if !strings.HasPrefix(secret, "pc_") || issued.Hash != plancast.HashToken(secret) || !issued.Created.Equal(now) || issued.Revoked != nil {
		t.Fatalf("issued %+v for secret %q", issued, secret)
	}
	found, err := st.TokenByHash(ctx, plancast.HashToken(secret))
	if err != nil || found.Region != "houma" || found.Name != "Houma bureau" {
		t.Fatalf("the issued secret finds %+v, %v", found, err)
	}
	_, _, err = plancast.IssueToken(ctx, st, plancast.Token{Scope: plancast.ScopeWrite}, now)
	wantCode(t, err, plancast.EINVALID)
	if ts := mustTokens(t, st); len(ts) != 1 {
		t.Errorf("%d tokens stored, want only the one issued", len(ts))
	}
}
