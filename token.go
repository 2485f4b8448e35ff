package plancast

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Token scopes.
const (
	ScopeWrite = "write" // push figures and targets (for one region, or every region with Admin)
	ScopeRead  = "read"  // read routes when the server requires a read token
)

// tokenPrefix marks plancast tokens so that they are recognisable in a
// config file or a leaked log, and so that secret scanners can find them.
const tokenPrefix = "pc_"

// Token is a stored access token. Only the SHA-256 of its secret is kept:
// the secret is shown once, when the token is created.
type Token struct {
	Hash    string    `json:"hash"`             // hex SHA-256 of the secret
	Scope   string    `json:"scope"`            // write or read
	Region  string    `json:"region,omitempty"` // the region a write token may push for; empty with Admin
	Admin   bool      `json:"admin,omitempty"`  // may push for every region and declare catalog entries
	Name    string    `json:"name,omitempty"`   // a label for the operator, e.g. "Houma statistics bureau"
	Created time.Time `json:"created"`
	// Revoked is when the token was revoked; a revoked token opens nothing.
	// The record is kept, so that a refused token can be told from an
	// unknown one and the operator can see when it was withdrawn.
	Revoked *time.Time `json:"revoked,omitempty"`
}

// tokenIDLen is the length of a token's ID in hex digits: 48 bits, enough to
// tell an operator's tokens apart, and too little of the hash to matter.
const tokenIDLen = 12

// ID is the token's public handle, the first 12 hex digits of its hash: what
// listings show and what a revocation names. It is harmless to show: the
// secret cannot be recovered from its hash, let alone from a part of it.
func (t *Token) ID() string {
	if len(t.Hash) < tokenIDLen {
		return t.Hash
	}
	return t.Hash[:tokenIDLen]
}

// Validate checks the token record.
func (t *Token) Validate() error {
	switch {
	case len(t.Hash) != 64:
		return Errorf(EINVALID, "token hash must be 64 hex digits")
	case t.Scope != ScopeWrite && t.Scope != ScopeRead:
		return Errorf(EINVALID, "token scope %q must be write or read", t.Scope)
	case t.Scope == ScopeWrite && !t.Admin && !ValidCode(t.Region):
		return Errorf(EINVALID, "a write token needs a region (or admin)")
	case t.Revoked != nil && t.Revoked.IsZero():
		return Errorf(EINVALID, "a revoked token needs the time it was revoked")
	}
	return nil
}

// MayWrite reports whether the token may push figures or targets of region.
// This is the one place region scoping is decided; a revoked token may push
// nothing (api refuses it before asking, with the date).
func (t *Token) MayWrite(region string) bool {
	if t == nil || t.Scope != ScopeWrite || t.Revoked != nil {
		return false
	}
	return t.Admin || t.Region == region
}

// NewTokenSecret returns a fresh random secret and its hash.
func NewTokenSecret() (secret, hash string) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("plancast: no randomness for a token: " + err.Error())
	}
	secret = tokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	return secret, HashToken(secret)
}

// HashToken returns the hex SHA-256 of a secret, the form tokens are stored in.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(secret)))
	return hex.EncodeToString(sum[:])
}

// SameSecret compares two secrets in constant time.
func SameSecret(a, b string) bool {
	ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}

// TokenStore keeps access tokens.
type TokenStore interface {
	// PutToken stores a token, replacing the one with the same hash (that
	// is how a token is revoked); EINVALID when it does not validate.
	PutToken(ctx context.Context, t Token) error
	// TokenByHash returns the token with that hash, revoked or not,
	// ENOTFOUND when none.
	TokenByHash(ctx context.Context, hash string) (*Token, error)
	// Tokens returns every stored token, revoked ones too, in SortTokens'
	// order.
	Tokens(ctx context.Context) ([]Token, error)
}

// SortTokens orders tokens by creation, then hash: the order of Tokens on
// every backend, oldest first.
func SortTokens(ts []Token) {
	slices.SortFunc(ts, func(a, b Token) int {
		return cmp.Or(a.Created.Compare(b.Created), strings.Compare(a.Hash, b.Hash))
	})
}

// IssueToken stores t as a new token, created now, under a fresh secret,
// and returns the secret (to be shown once: only its hash is kept) and the
// stored record. The caller fills in the scope, region, admin and name, and
// checks that the region exists. A secret whose ID another token already
// has is drawn again, so that an ID always names one token.
func IssueToken(ctx context.Context, st TokenStore, t Token, now time.Time) (secret string, issued *Token, err error) {
	existing, err := st.Tokens(ctx)
	if err != nil {
		return "", nil, fmt.Errorf("read the tokens: %w", err)
	}
	taken := make(map[string]bool, len(existing))
	for i := range existing {
		taken[existing[i].ID()] = true
	}
	for {
		secret, t.Hash = NewTokenSecret()
		if !taken[t.ID()] {
			break
		}
	}
	t.Created, t.Revoked = now.UTC(), nil
	if err := t.Validate(); err != nil {
		return "", nil, err
	}
	if err := st.PutToken(ctx, t); err != nil {
		return "", nil, fmt.Errorf("store the token: %w", err)
	}
	return secret, &t, nil
}

// SecretID is the ID of the token whose secret s is, and whether s is a
// secret at all (it starts as every secret does, "pc_"): a user who holds a
// leaked secret revokes it with it, and a command sends its ID instead, so
// that the secret travels in no address and reaches no log.
func SecretID(s string) (id string, ok bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, tokenPrefix) {
		return "", false
	}
	return HashToken(s)[:tokenIDLen], true
}

// FindToken returns the token that id names: its ID (the first 12 hex
// digits of its hash, as listings show it), its whole hash, or its secret
// (SecretID). EINVALID when id has none of these forms, ENOTFOUND when no
// token has it.
func FindToken(ctx context.Context, st TokenStore, id string) (*Token, error) {
	typed := id
	if sid, ok := SecretID(id); ok {
		id, typed = sid, sid // the secret is echoed in no message
	}
	id = strings.ToLower(strings.TrimSpace(id))
	if (len(id) != tokenIDLen && len(id) != sha256.Size*2) || strings.Trim(id, "0123456789abcdef") != "" {
		return nil, Errorf(EINVALID, "token id %q must be the %d hex digits a token listing shows (or the token's whole 64-digit hash)", typed, tokenIDLen)
	}
	if len(id) > tokenIDLen {
		t, err := st.TokenByHash(ctx, id)
		if ErrorCode(err) == ENOTFOUND {
			return nil, Errorf(ENOTFOUND, "no token has the hash %s", id)
		}
		return t, err
	}
	ts, err := st.Tokens(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the tokens: %w", err)
	}
	var found []Token
	for _, t := range ts {
		if t.ID() == id {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return nil, Errorf(ENOTFOUND, "no token has the id %s", id)
	case 1:
		return &found[0], nil
	default:
		// Only tokens issued before IssueToken kept IDs apart can share one.
		return nil, Errorf(ECONFLICT, "%d tokens have the id %s: name the one meant by its whole hash", len(found), id)
	}
}

// RevokeToken revokes the token id names (FindToken) as of now and returns
// it. The record is kept with its revocation time; revoking a revoked token
// changes nothing and keeps the first time.
func RevokeToken(ctx context.Context, st TokenStore, id string, now time.Time) (*Token, error) {
	t, err := FindToken(ctx, st, id)
	if err != nil {
		return nil, err
	}
	if t.Revoked != nil {
		return t, nil
	}
	at := now.UTC()
	t.Revoked = &at
	if err := st.PutToken(ctx, *t); err != nil {
		return nil, fmt.Errorf("revoke token %s: %w", t.ID(), err)
	}
	return t, nil
}
