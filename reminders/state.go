package reminders

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/keys"
)

// Occurrence ids. A hearing ref holds its case number, which is Chinese;
// WeCom task ids take [0-9A-Za-z_-@] only, so each ref gets a compact
// ASCII id ("h42") kept in Redis both ways.

var assignHID = redis.NewScript(`
local id = redis.call("HGET", KEYS[1], ARGV[1])
if id then return id end
id = "h" .. redis.call("INCR", KEYS[3])
redis.call("HSET", KEYS[1], ARGV[1], id)
redis.call("HSET", KEYS[2], id, ARGV[1])
return id`)

// occID names one hearing at one time in one epoch.
func occID(hid string, at time.Time, epoch int) string {
	return hid + "-" + strconv.FormatInt(at.Unix(), 36) + "-" + strconv.Itoa(epoch)
}

func epochField(hid string, at time.Time) string {
	return hid + ":" + strconv.FormatInt(at.Unix(), 10)
}

// hids returns the ids of refs; with assign, refs without one get one.
func (s *Service) hids(ctx context.Context, refs []cases.HearingRef, assign bool) (map[cases.HearingRef]string, error) {
	out := make(map[cases.HearingRef]string, len(refs))
	if len(refs) == 0 {
		return out, nil
	}
	fields := make([]string, len(refs))
	for i, r := range refs {
		fields[i] = string(r)
	}
	vals, err := s.rdb.HMGet(ctx, s.k.RemindHIDs(), fields...).Result()
	if err != nil {
		return nil, err
	}
	var missing []cases.HearingRef
	for i, v := range vals {
		if str, ok := v.(string); ok {
			out[refs[i]] = str
		} else {
			missing = append(missing, refs[i])
		}
	}
	if !assign || len(missing) == 0 {
		return out, nil
	}
	ks := []string{s.k.RemindHIDs(), s.k.RemindHIDRefs(), s.k.RemindHIDSeq()}
	if err := assignHID.Load(ctx, s.rdb).Err(); err != nil {
		return nil, err
	}
	cmds := make([]*redis.Cmd, len(missing))
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, r := range missing {
			cmds[i] = assignHID.EvalSha(ctx, p, ks, string(r))
		}
		return nil
	})
	if err != nil {
		// The script cache was flushed between Load and the pipeline: go
		// one by one, which falls back to EVAL.
		for i, r := range missing {
			cmds[i] = assignHID.Run(ctx, s.rdb, ks, string(r))
		}
	}
	for i, r := range missing {
		id, err := cmds[i].Text()
		if err != nil {
			return nil, err
		}
		out[r] = id
	}
	return out, nil
}

// epochs returns the epoch of each (hid, time) field; missing ones are 0.
func (s *Service) epochs(ctx context.Context, fields []string) (map[string]int, error) {
	out := make(map[string]int, len(fields))
	if len(fields) == 0 {
		return out, nil
	}
	vals, err := s.rdb.HMGet(ctx, s.k.RemindEpochs(), fields...).Result()
	if err != nil {
		return nil, err
	}
	for i, v := range vals {
		if str, ok := v.(string); ok {
			n, _ := strconv.Atoi(str)
			out[fields[i]] = n
		}
	}
	return out, nil
}

// try is the failure record of one push.
type try struct {
	N      int       `json:"n"`
	Next   time.Time `json:"next"`
	GaveUp bool      `json:"gave_up,omitempty"`
	Err    string    `json:"err,omitempty"`
}

// Ack statuses: what the people reminded answered.
const (
	AckConfirmed = "confirmed" // 确认出庭
	AckReplacing = "replacing" // 更换出庭人 clicked, waiting for the name
	AckReplaced  = "replaced"  // a new head was named and reminded
	AckCannot    = "cannot"    // 无法出庭
)

// Ack is the answer recorded for an occurrence.
type Ack struct {
	Status string    `redis:"status"`
	By     string    `redis:"by"`
	At     time.Time `redis:"-"`
	Reason string    `redis:"reason"`
	// Head is the userid of the head named by 更换出庭人.
	Head string `redis:"head"`
}

// ledger is what the send log and the answers say about a set of pushes.
type ledger struct {
	done  map[string]bool
	tries map[string]try
	acks  map[string]Ack
}

// loadLedger reads, in one round trip, whether each id was sent, its
// failures, and the answers of each occurrence.
func (s *Service) loadLedger(ctx context.Context, ids, occs []string) (*ledger, error) {
	l := &ledger{done: map[string]bool{}, tries: map[string]try{}, acks: map[string]Ack{}}
	if len(ids) == 0 && len(occs) == 0 {
		return l, nil
	}
	exists := make([]*redis.IntCmd, len(ids))
	tries := make([]*redis.StringCmd, len(ids))
	acks := make([]*redis.MapStringStringCmd, len(occs))
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, id := range ids {
			exists[i] = p.Exists(ctx, s.k.SendDone(sendNS, id))
			tries[i] = p.Get(ctx, s.k.RemindTry(id))
		}
		for i, o := range occs {
			acks[i] = p.HGetAll(ctx, s.k.RemindAck(o))
		}
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, err
	}
	for i, id := range ids {
		if exists[i].Val() == 1 {
			l.done[id] = true
		}
		if b, err := tries[i].Bytes(); err == nil {
			var t try
			if json.Unmarshal(b, &t) == nil {
				l.tries[id] = t
			}
		}
	}
	for i, o := range occs {
		if m := acks[i].Val(); len(m) > 0 {
			l.acks[o] = ackFrom(m)
		}
	}
	return l, nil
}

func ackFrom(m map[string]string) Ack {
	a := Ack{Status: m["status"], By: m["by"], Reason: m["reason"], Head: m["head"]}
	if sec, err := strconv.ParseInt(m["at"], 10, 64); err == nil {
		a.At = time.Unix(sec, 0)
	}
	return a
}

// ack reads the answer of one occurrence.
func (s *Service) ack(ctx context.Context, occ string) (Ack, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.RemindAck(occ)).Result()
	if err != nil {
		return Ack{}, err
	}
	return ackFrom(m), nil
}

// setAck records an answer and the click or text that gave it.
func (s *Service) setAck(ctx context.Context, occ string, a Ack, click Click) error {
	b, err := json.Marshal(click)
	if err != nil {
		return err
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, s.k.RemindAck(occ), "status", a.Status, "by", a.By, "at", a.At.Unix(), "reason", a.Reason, "head", a.Head)
		p.Expire(ctx, s.k.RemindAck(occ), keys.RemindRecordTTL)
		p.RPush(ctx, s.k.RemindClicks(occ), b)
		p.Expire(ctx, s.k.RemindClicks(occ), keys.RemindRecordTTL)
		return nil
	})
	return err
}

// Click is one recorded answer: a button click or a typed reply.
type Click struct {
	User   string    `json:"user"`
	Action string    `json:"action"`
	At     time.Time `json:"at"`
	Task   string    `json:"task"`
	Text   string    `json:"text,omitempty"`
}

// Clicks returns the recorded answers of an occurrence, oldest first.
func (s *Service) Clicks(ctx context.Context, occ string) ([]Click, error) {
	vals, err := s.rdb.LRange(ctx, s.k.RemindClicks(occ), 0, -1).Result()
	if err != nil {
		return nil, err
	}
	out := make([]Click, 0, len(vals))
	for _, v := range vals {
		var c Click
		if err := json.Unmarshal([]byte(v), &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Task is what a card was about, kept under its task_id for clicks.
type Task struct {
	ID        string           `json:"id"`
	Occ       string           `json:"occ"`
	Hearing   cases.HearingRef `json:"hearing"`
	Case      string           `json:"case"`
	At        time.Time        `json:"at"`
	Recipient string           `json:"recipient"`
	Kind      Kind             `json:"kind"`
	Role      string           `json:"role"`
	Agency    string           `json:"agency"`
	// Deadline and Due (yyyymmdd) name the deadline of a deadline card.
	Deadline deadline.Kind `json:"deadline,omitempty"`
	Due      int           `json:"due,omitempty"`
}

// ErrNoTask is returned for a task_id casebot does not know (expired).
var ErrNoTask = errors.New("unknown reminder task")

func (s *Service) putTask(ctx context.Context, t Task) error {
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	return s.rdb.Set(ctx, s.k.RemindTask(t.ID), b, keys.RemindTaskTTL).Err()
}

// Task returns the card a task_id belongs to.
func (s *Service) Task(ctx context.Context, id string) (*Task, error) {
	b, err := s.rdb.Get(ctx, s.k.RemindTask(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNoTask
	}
	if err != nil {
		return nil, err
	}
	var t Task
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, err
	}
	return &t, nil
}
