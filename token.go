package plancast

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
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
	}
	return nil
}

// MayWrite reports whether the token may push figures or targets of region.
// This is the one place region scoping is decided.
func (t *Token) MayWrite(region string) bool {
	if t == nil || t.Scope != ScopeWrite {
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
	// PutToken stores a token; EINVALID when it does not validate.
	PutToken(ctx context.Context, t Token) error
	// TokenByHash returns the token with that hash, ENOTFOUND when none.
	TokenByHash(ctx context.Context, hash string) (*Token, error)
}
