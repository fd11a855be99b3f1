package io.teleglas.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ServerSocketFactory;

/**
 * Lets {@link WebSocketTestServer} find the TCP socket behind a request, so a connection can be
 * dropped without a close frame: a server-side OkHttp WebSocket cannot {@code cancel()} (it has no
 * {@code Call}; 4.12 throws an NPE).
 *
 * <p>MockWebServer 4.12 serves each accepted socket on one thread, opening its input stream there
 * before it reads the request and calls the dispatcher; the socket remembers itself in a
 * thread-local at that moment, and the dispatcher, on the same thread, reads it back. {@code
 * WebSocketTestServerIT} checks that this still holds.
 */
final class SocketTracking extends ServerSocketFactory {

  private static final ThreadLocal<Socket> SERVED_ON_THIS_THREAD = new ThreadLocal<>();

  /** The socket whose request the current (MockWebServer) thread is serving, or null. */
  static Socket servedOnThisThread() {
    return SERVED_ON_THIS_THREAD.get();
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new TrackingServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = new TrackingServerSocket();
    socket.bind(new InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = new TrackingServerSocket();
    socket.bind(new InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    ServerSocket socket = new TrackingServerSocket();
    socket.bind(new InetSocketAddress(address, port), backlog);
    return socket;
  }

  private static final class TrackingServerSocket extends ServerSocket {
    TrackingServerSocket() throws IOException {}

    @Override
    public Socket accept() throws IOException {
      if (isClosed()) {
        throw new SocketException("Socket is closed");
      }
      Socket accepted = new TrackedSocket();
      implAccept(accepted);
      return accepted;
    }
  }

  private static final class TrackedSocket extends Socket {
    @Override
    public InputStream getInputStream() throws IOException {
      SERVED_ON_THIS_THREAD.set(this);
      return super.getInputStream();
    }
  }
}
