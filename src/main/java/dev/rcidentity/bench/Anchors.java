package dev.rcidentity.bench;

import java.util.List;

/**
 * Puts our identity figures beside the anchors measured in the same run: the stateful floor (one store, get + put +
 * forward) and the DSL peer, and holds them to the targets of issue 13.
 */
record Anchors(StreamsFloor.Floors floors, PeerFigures peer) {

    /** Our figures compared with both anchors, then the peer's compared with the floor. */
    List<Figure> compare(IdentityThroughput.Measured preload, IdentityThroughput.Measured logins,
                         IdentityThroughput.Measured snapshots) {
        Figure ourLogins = ours(logins.rate(), peer.logins().rate());
        Figure ourSnapshots = ours(snapshots.rate(), peer.snapshots().rate());
        Figure ourPreload = ours(preload.rate(), peer.preload().rate());
        Figure loginBytes = oursInBytes(logins.bytes(), peer.logins().bytes());
        return List.of(
                ourPreload.against(">= 0.4 x stateful floor", ourPreload.ratio() >= 0.4),
                ourLogins.against(">= 0.8 x stateful floor and >= 2 x peer",
                        ourLogins.ratio() >= 0.8 && ourLogins.peerRatio() >= 2),
                ourSnapshots.against(">= 0.3 x stateful floor and >= 1 x peer",
                        ourSnapshots.ratio() >= 0.3 && ourSnapshots.peerRatio() >= 1),
                oursInBytes(preload.bytes(), peer.preload().bytes()),
                loginBytes.against("<= 1.5 x stateful floor", loginBytes.ratio() <= 1.5),
                oursInBytes(snapshots.bytes(), peer.snapshots().bytes()),
                peer.preload().rate().relativeTo(floors.stateful()),
                peer.logins().rate().relativeTo(floors.stateful()),
                peer.snapshots().rate().relativeTo(floors.stateful()),
                peer.preload().bytes().relativeTo(floors.bytesPerRecord()),
                peer.logins().bytes().relativeTo(floors.bytesPerRecord()),
                peer.snapshots().bytes().relativeTo(floors.bytesPerRecord()));
    }

    private Figure ours(Figure rate, Figure peerRate) {
        return rate.relativeTo(floors.stateful()).beside(peerRate);
    }

    private Figure oursInBytes(Figure bytes, Figure peerBytes) {
        return bytes.relativeTo(floors.bytesPerRecord()).beside(peerBytes);
    }
}
