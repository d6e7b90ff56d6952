package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketClosesTest {

    @Test
    void countsTheEdgesSheddingApartFromOtherClosesAndPassesFramesOn() {
        SocketCloses closes = new SocketCloses();
        List<ServerFrame> frames = new ArrayList<>();
        LoadSocket.Listener listener = closes.listener((socket, frame, receivedNanos) -> frames.add(frame));
        ServerFrame pong = new ServerFrame.Pong();

        listener.onFrame(null, pong, 1);
        listener.onClose(null, (short) 1013, "slow");
        listener.onClose(null, (short) 1000, "bye");
        listener.onClose(null, null, null);

        assertThat(frames).containsExactly(pong);
        assertThat(closes.with1013()).isEqualTo(1);
        assertThat(closes.other()).isEqualTo(2);
    }
}
