package org.vitrine.store.mariadb.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.devices.KnownDevice;
import org.vitrine.api.devices.KnownDeviceStore;
import org.vitrine.api.problem.DomainException;

/**
 * Known devices in {@code known_devices}; the setting is the {@code new_device_notice} column of {@code accounts}.
 * A device is new when inserting it succeeds (a unique key on account and hash), so two sign-ins from the same new
 * device at once report it new only once.
 */
@Component
public class MariaDbKnownDeviceStore implements KnownDeviceStore {

    static final int USER_AGENT_LENGTH = 100;

    private final Database database;

    @Activate
    public MariaDbKnownDeviceStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public boolean recordSignIn(long accountId, String hash, String userAgent, Instant when) {
        String agent = userAgent == null || userAgent.length() <= USER_AGENT_LENGTH ? userAgent : userAgent.substring(0, USER_AGENT_LENGTH);
        return MapperSessions.inSession(database, KnownDeviceMapper.class, m -> {
            if (m.insertIfNew(accountId, hash, agent, UtcTimes.toColumn(when)) == 1) {
                return true;
            }
            m.touch(accountId, hash, agent, UtcTimes.toColumn(when));
            return false;
        });
    }

    @Override
    public boolean isKnown(long accountId, String hash) {
        return MapperSessions.inSession(database, KnownDeviceMapper.class, m -> m.countWithHash(accountId, hash)) > 0;
    }

    @Override
    public int count(long accountId) {
        return MapperSessions.inSession(database, KnownDeviceMapper.class, m -> m.count(accountId));
    }

    @Override
    public List<KnownDevice> of(long accountId) {
        return MapperSessions.inSession(database, KnownDeviceMapper.class, m -> m.of(accountId)).stream()
                .map(KnownDeviceRow::toDevice).toList();
    }

    @Override
    public boolean noticeWanted(long accountId) {
        return Boolean.TRUE.equals(MapperSessions.inSession(database, KnownDeviceMapper.class, m -> m.noticeWanted(accountId)));
    }

    @Override
    public void setNoticeWanted(long accountId, boolean wanted) {
        int matched = MapperSessions.inSession(database, KnownDeviceMapper.class,
                m -> m.setNoticeWanted(accountId, wanted, UtcTimes.now()));
        if (matched == 0) {
            throw DomainException.notFound("There is no account " + accountId + ".");
        }
    }
}
