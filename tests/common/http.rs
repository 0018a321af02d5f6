//! A tiny HTTP/1.1 server on 127.0.0.1 for tests that must not touch the internet: each test
//! says how to answer each path, and the server records the request lines it saw.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

/// How the server answers one request.
pub enum Reply {
    /// A status with a body and its content type.
    Body(u16, &'static str, String),
    /// `n` bytes of `byte` with no Content-Length: the body ends when the connection closes.
    Stream(u8, usize),
    /// 302 to this path.
    Redirect(String),
    /// No answer at all until the client hangs up.
    Hang,
    /// These bytes as the whole answer, status line and headers included: for answers the
    /// other replies cannot make (compressed bodies, odd headers, odd status texts).
    Raw(Vec<u8>),
}

/// A server that answers at most `max` connections, then stops; dropping it stops it too.
pub struct Server {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts serving; `reply` maps a request's path (with its query) to the answer.
    pub fn start(max: usize, reply: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let reply = Arc::new(reply);
        let thread = {
            let (seen, stop) = (seen.clone(), stop.clone());
            thread::spawn(move || {
                for conn in listener.incoming().take(max) {
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    let Ok(conn) = conn else { continue };
                    let (seen, reply) = (seen.clone(), reply.clone());
                    // One thread per connection, so that a hanging answer blocks no other.
                    thread::spawn(move || serve(conn, &seen, &*reply));
                }
            })
        };
        Server {
            addr,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:<port><path>`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The request lines seen so far, e.g. "GET /v?key=abc HTTP/1.1".
    pub fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop if it still waits; it sees the flag and ends.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(mut conn: TcpStream, seen: &Mutex<Vec<String>>, reply: &(dyn Fn(&str) -> Reply + Sync)) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match conn.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let line = head.lines().next().unwrap_or_default().to_string();
    seen.lock().unwrap().push(line.clone());
    let path = line.split(' ').nth(1).unwrap_or("/").to_string();
    // Writes fail when the client gave up early (a body over its limit): that is expected.
    let _ = match reply(&path) {
        Reply::Body(status, content_type, body) => conn.write_all(
            format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        ),
        Reply::Stream(byte, n) => conn
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
            .and_then(|_| conn.write_all(&vec![byte; n])),
        Reply::Redirect(to) => conn.write_all(
            format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        ),
        Reply::Raw(bytes) => conn.write_all(&bytes),
        Reply::Hang => {
            // Read until the client closes the connection, answering nothing.
            let mut sink = [0u8; 64];
            while matches!(conn.read(&mut sink), Ok(n) if n > 0) {}
            Ok(())
        }
    };
    let _ = conn.shutdown(Shutdown::Both);
}
