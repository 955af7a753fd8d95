package webapp

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/keys"
)

// An upload waits on the server between its preview and its confirmation,
// so that what is written is exactly the file previewed: the confirm form
// carries only a token, the file never travels twice. The token is bound
// to the user who uploaded (it is part of the Redis key), lives for
// app.upload_ttl, and is taken once: a second confirmation (a double tap)
// waits for the first and shows its outcome.

type uploadKind string

const (
	kindLedger   uploadKind = "ledger"
	kindDecision uploadKind = "decision"
)

// upload is the file and what its preview showed.
type upload struct {
	Token  string     `json:"-"`
	Kind   uploadKind `json:"kind"`
	User   string     `json:"user"`
	Name   string     `json:"name"`
	Size   int        `json:"size"`
	SHA256 string     `json:"sha256"`
	At     time.Time  `json:"at"`
	// Version is the ledger's write counter when the preview was made: a
	// confirmation after someone else wrote the ledger is previewed again.
	Version int64 `json:"version,omitempty"`
	// Shown is the preview's summary as the user saw it (ledger).
	Shown *shown `json:"shown,omitempty"`
	// Query is the case the user named with a decision, if any.
	Query string `json:"query,omitempty"`
	Data  []byte `json:"-"`
}

type uploads struct {
	rdb redis.UniversalClient
	k   keys.Keys
	ttl time.Duration
}

// errStale is what an unknown, expired or foreign token gets.
var errStale = bot.Errorf(bot.ENotFound, "这份预览已失效（超过有效时间、已确认过，或不是您本人上传的）。未写入任何数据，请重新上传文件。")

func (u *uploads) key(user, token string) string { return u.k.AppUpload(user, token) }

// put keeps up and returns its token.
func (u *uploads) put(ctx context.Context, up *upload) (string, error) {
	up.Token = randomToken(24)
	sum := sha256.Sum256(up.Data)
	up.SHA256, up.Size = hex.EncodeToString(sum[:]), len(up.Data)
	meta, err := json.Marshal(up)
	if err != nil {
		return "", err
	}
	k := u.key(up.User, up.Token)
	_, err = u.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, k, "meta", meta, "data", up.Data)
		p.Expire(ctx, k, u.ttl)
		return nil
	})
	return up.Token, err
}

// get returns the upload of user under token, or errStale.
func (u *uploads) get(ctx context.Context, user, token string) (*upload, error) {
	if user == "" || token == "" || len(token) > 64 {
		return nil, errStale
	}
	vals, err := u.rdb.HMGet(ctx, u.key(user, token), "meta", "data").Result()
	if err != nil {
		return nil, err
	}
	meta, _ := vals[0].(string)
	data, _ := vals[1].(string)
	if meta == "" {
		return nil, errStale
	}
	var up upload
	if err := json.Unmarshal([]byte(meta), &up); err != nil {
		return nil, err
	}
	if up.User != user {
		return nil, errStale
	}
	up.Token, up.Data = token, []byte(data)
	return &up, nil
}

// update rewrites the preview part of an upload (a fresh preview).
func (u *uploads) update(ctx context.Context, up *upload) error {
	meta, err := json.Marshal(up)
	if err != nil {
		return err
	}
	return u.rdb.HSet(ctx, u.key(up.User, up.Token), "meta", meta).Err()
}

// claim takes an upload for confirmation. It returns false when it was
// taken before (then result waits for that confirmation's outcome).
func (u *uploads) claim(ctx context.Context, up *upload) (bool, error) {
	return u.rdb.HSetNX(ctx, u.key(up.User, up.Token), "claim", time.Now().UnixMilli()).Result()
}

// release gives a claimed upload back after a failure, so the user can
// confirm again.
func (u *uploads) release(ctx context.Context, up *upload) error {
	return u.rdb.HDel(ctx, u.key(up.User, up.Token), "claim").Err()
}

// finish records the outcome of a confirmation, shown to a second one.
// The file is dropped: it is not needed any more.
func (u *uploads) finish(ctx context.Context, up *upload, outcome any) error {
	b, err := json.Marshal(outcome)
	if err != nil {
		return err
	}
	k := u.key(up.User, up.Token)
	_, err = u.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, k, "result", b)
		p.HDel(ctx, k, "data")
		return nil
	})
	return err
}

// errPending means another request is still confirming the upload.
var errPending = bot.Errorf(bot.EInvalid, "这份文件正在写入，请稍候刷新页面查看结果。")

// result waits (up to wait) for the outcome of the confirmation that took
// the upload, and decodes it into out.
func (u *uploads) result(ctx context.Context, up *upload, out any, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		b, err := u.rdb.HGet(ctx, u.key(up.User, up.Token), "result").Bytes()
		switch {
		case err == nil:
			return json.Unmarshal(b, out)
		case !errors.Is(err, redis.Nil):
			return err
		case time.Now().After(deadline):
			return errPending
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// drop forgets an upload.
func (u *uploads) drop(ctx context.Context, up *upload) error {
	return u.rdb.Del(ctx, u.key(up.User, up.Token)).Err()
}

// confirming takes the upload a confirmation form names (its "token"),
// for rq's person: it must be theirs and of kind. A stale or someone
// else's token is refused (audited); an upload confirmed before (a double
// tap, a reload) shows that confirmation's outcome, decoded into
// previous and rendered with page. ok is false when the response is
// written; else the caller holds the upload and releases it on failure.
func (a *App) confirming(w http.ResponseWriter, r *http.Request, rq *request, kind uploadKind, page, title string, previous any) (*upload, bool) {
	ctx := r.Context()
	retry := []link{{URL: "/app/" + string(kind), Text: "重新上传"}}
	up, err := a.uploads.get(ctx, rq.person.UserID, rq.form.Get("token"))
	if err == nil && up.Kind != kind {
		err = errStale
	}
	if errors.Is(err, errStale) {
		e := rq.entry(audit.Refused, "app-"+string(kind)+"-stale")
		e.Detail = "确认所用的预览已失效或不属于本人"
		a.record(ctx, e)
	}
	if err != nil {
		a.userError(w, r, rq, "无法办理", err, retry)
		return nil, false
	}
	claimed, err := a.uploads.claim(ctx, up)
	if err != nil {
		a.internal(w, r, rq, err)
		return nil, false
	}
	if !claimed {
		if err := a.uploads.result(ctx, up, previous, 30*time.Second); err != nil {
			a.userError(w, r, rq, "正在办理", err, homeLink)
			return nil, false
		}
		a.render(w, r, rq, http.StatusOK, page, title, previous)
		return nil, false
	}
	return up, true
}
