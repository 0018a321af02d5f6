//! Polls every source on its own schedule off the caller's thread: one thread keeps time, and
//! each fetch runs on a short-lived thread of its own so a slow source delays no other.

use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::command::{END_GRACE, Running};
use super::fetch::fetch_listed;
use super::schedule::Schedule;
use crate::config::SourceSpec;
use crate::readings::poll::{PollResult, SourceError};

enum Message {
    Stop,
    Done(usize, DateTime<Utc>, Result<u64, SourceError>),
}

/// The running poller; dropping it (or [`Poller::stop`]) ends the polling within a second:
/// commands in flight get SIGTERM, then SIGKILL after the grace; URL fetches finish on their
/// own within their timeout. Their results are dropped.
pub struct Poller {
    tx: Sender<Message>,
    thread: Option<JoinHandle<()>>,
    /// The commands its fetches run.
    running: Running,
}

impl Poller {
    /// Stops polling and waits for the timekeeping thread to end.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        let _ = self.tx.send(Message::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        // No fetch starts any more: end the commands still running, so none outlives us.
        self.running.end_all(END_GRACE);
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// Starts polling `sources`, each first at once and then on its schedule, with `${NAME}` read
/// from the process environment. `on_result` runs on the poller's thread after each poll; it
/// should only hand the result on (send an event to the loop).
pub fn spawn<K, F>(sources: Vec<(K, SourceSpec)>, on_result: F) -> Poller
where
    K: Clone + Send + 'static,
    F: Fn(PollResult<K>) + Send + 'static,
{
    let running = Running::default();
    let listed = running.clone();
    let mut poller = spawn_with(
        sources,
        move |spec| fetch_listed(spec, &|name| std::env::var(name).ok(), &listed),
        on_result,
    );
    poller.running = running;
    poller
}

/// [`spawn`] with the fetch given, so that tests can poll without commands or a network.
pub fn spawn_with<K, G, F>(sources: Vec<(K, SourceSpec)>, fetch: G, on_result: F) -> Poller
where
    K: Clone + Send + 'static,
    G: Fn(&SourceSpec) -> Result<u64, SourceError> + Send + Sync + 'static,
    F: Fn(PollResult<K>) + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    let worker_tx = tx.clone();
    let fetch = Arc::new(fetch);
    let thread = thread::spawn(move || {
        let start = Utc::now();
        let mut entries: Vec<Entry<K>> = sources
            .into_iter()
            .map(|(key, spec)| Entry {
                key,
                schedule: Schedule::new(spec.every, start),
                spec: Arc::new(spec),
                busy: false,
            })
            .collect();
        loop {
            let now = Utc::now();
            for (i, entry) in entries.iter_mut().enumerate() {
                if entry.busy || !entry.schedule.is_due(now) {
                    continue;
                }
                entry.busy = true;
                let (tx, spec, fetch) = (worker_tx.clone(), entry.spec.clone(), fetch.clone());
                let started = thread::Builder::new()
                    .name("source-fetch".into())
                    .spawn(move || {
                        let outcome = fetch(&spec);
                        let _ = tx.send(Message::Done(i, Utc::now(), outcome));
                    });
                if let Err(e) = started {
                    let outcome = Err(SourceError::Run(format!("cannot start a thread: {e}")));
                    let _ = worker_tx.send(Message::Done(i, now, outcome));
                }
            }
            let next = entries
                .iter()
                .filter(|e| !e.busy)
                .map(|e| e.schedule.next())
                .min();
            // Nothing to wait for but fetches in flight: their results wake us.
            let wait = next.map_or(Duration::from_secs(3600), |t| {
                (t - Utc::now()).to_std().unwrap_or(Duration::ZERO)
            });
            match rx.recv_timeout(wait) {
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(Message::Done(i, at, outcome)) => {
                    let Some(entry) = entries.get_mut(i) else {
                        continue;
                    };
                    entry.busy = false;
                    entry.schedule.record(outcome.is_ok(), at);
                    on_result(PollResult {
                        key: entry.key.clone(),
                        at,
                        outcome,
                    });
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
    });
    Poller {
        tx,
        thread: Some(thread),
        running: Running::default(),
    }
}

/// One source as the poller tracks it.
struct Entry<K> {
    key: K,
    spec: Arc<SourceSpec>,
    schedule: Schedule,
    /// A fetch is in flight: not due again until it reports.
    busy: bool,
}
