package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/plancast/plancast"
)

// initialAdminFile is the file under the data directory where "plancast
// serve" leaves the secret of the admin token it creates on an embedded
// store that has none.
const initialAdminFile = "initial-admin-token"

// initialAdminName labels that token in "plancast token list".
const initialAdminName = "initial admin (created by plancast serve)"

// ensureAdmin gives an embedded store an admin token when it has no usable
// one, and writes its secret to dir/initial-admin-token (mode 0600), the
// only place it is ever shown. It returns the file's path, or "" when the
// store already had an admin token.
//
// Why: the embedded store is held by the running server, so "plancast token
// create --admin" cannot reach it then, and the server's token routes need
// an admin token: without this, the first token meant stopping the server
// that the README's first command starts. The secret goes to a file, not
// the log, because logs are shipped and kept; whoever can read the data
// directory can read the store itself, so the file gives nobody more. The
// operator reads it once and deletes it; it is written again only when no
// admin token is left (all revoked), which is also how a lost one is reset.
func ensureAdmin(ctx context.Context, st plancast.TokenStore, dir string, now time.Time) (string, error) {
	tokens, err := st.Tokens(ctx)
	if err != nil {
		return "", fmt.Errorf("read the tokens: %w", err)
	}
	for _, t := range tokens {
		if t.Admin && t.Revoked == nil {
			return "", nil
		}
	}
	secret, issued, err := plancast.IssueToken(ctx, st, plancast.Token{Scope: plancast.ScopeWrite, Admin: true, Name: initialAdminName}, now)
	if err != nil {
		return "", fmt.Errorf("create the initial admin token: %w", err)
	}
	path := filepath.Join(dir, initialAdminFile)
	if err := writeSecretFile(path, secret+"\n"); err != nil {
		// A token nobody can know would stop the next start from making
		// one that somebody can: withdraw it.
		if _, rerr := plancast.RevokeToken(ctx, st, issued.ID(), now); rerr != nil {
			err = fmt.Errorf("%w (and revoking the token failed: %v)", err, rerr)
		}
		return "", fmt.Errorf("write the initial admin token's secret to %s: %w", path, err)
	}
	return path, nil
}

// writeSecretFile replaces path with content, readable by the owner only.
// The content is written to a temporary file beside it and renamed into
// place, so a reader never sees half a secret, and a crash leaves either the
// old file or the new one.
func writeSecretFile(path, content string) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".part-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
