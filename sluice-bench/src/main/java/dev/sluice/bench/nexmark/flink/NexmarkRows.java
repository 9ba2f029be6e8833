package dev.sluice.bench.nexmark.flink;

import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.INT;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.model.Person;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Our {@link Event} as a row of the standard Nexmark table {@code datagen} of the Flink suite:
 * {@code event_type INT} (0 person, 1 auction, 2 bid), {@code person ROW<…>}, {@code auction
 * ROW<…>}, {@code bid ROW<…>} (the two not held are null) and {@code dateTime TIMESTAMP(3)}, the
 * event time of what the event holds. The standard DDL computes {@code dateTime} from the nested
 * rows with a {@code CASE}; here the source sets it, as the brief schema of the harness asks.
 *
 * <p>Rows are Flink's internal {@link RowData} (what Flink's own table sources produce), so no
 * conversion runs between the source and the SQL operators. Epoch milliseconds become {@code
 * TIMESTAMP(3)} values in UTC ({@link TimestampData#fromEpochMillis}).
 */
public final class NexmarkRows {

    /** The schema of a person, auction and bid row, field for field as in the Flink suite's DDL. */
    public static final DataType TYPE = ROW(
            FIELD("event_type", INT()),
            FIELD("person", ROW(
                    FIELD("id", BIGINT()),
                    FIELD("name", STRING()),
                    FIELD("emailAddress", STRING()),
                    FIELD("creditCard", STRING()),
                    FIELD("city", STRING()),
                    FIELD("state", STRING()),
                    FIELD("dateTime", TIMESTAMP(3)),
                    FIELD("extra", STRING()))),
            FIELD("auction", ROW(
                    FIELD("id", BIGINT()),
                    FIELD("itemName", STRING()),
                    FIELD("description", STRING()),
                    FIELD("initialBid", BIGINT()),
                    FIELD("reserve", BIGINT()),
                    FIELD("dateTime", TIMESTAMP(3)),
                    FIELD("expires", TIMESTAMP(3)),
                    FIELD("seller", BIGINT()),
                    FIELD("category", BIGINT()),
                    FIELD("extra", STRING()))),
            FIELD("bid", ROW(
                    FIELD("auction", BIGINT()),
                    FIELD("bidder", BIGINT()),
                    FIELD("price", BIGINT()),
                    FIELD("channel", STRING()),
                    FIELD("url", STRING()),
                    FIELD("dateTime", TIMESTAMP(3)),
                    FIELD("extra", STRING()))),
            FIELD("dateTime", TIMESTAMP(3)));

    private NexmarkRows() {}

    /** The Flink type information of the rows {@link #toRow} makes. */
    public static InternalTypeInfo<RowData> typeInfo() {
        return InternalTypeInfo.of((RowType) TYPE.getLogicalType());
    }

    /** The row of an event. */
    public static RowData toRow(Event event) {
        return switch (event.type) {
            case PERSON -> GenericRowData.of(0, person(event.newPerson), null, null, time(event.newPerson.dateTime));
            case AUCTION -> GenericRowData.of(1, null, auction(event.newAuction), null, time(event.newAuction.dateTime));
            case BID -> GenericRowData.of(2, null, null, bid(event.bid), time(event.bid.dateTime));
        };
    }

    private static RowData person(Person p) {
        return GenericRowData.of(p.id, str(p.name), str(p.emailAddress), str(p.creditCard), str(p.city),
                str(p.state), time(p.dateTime), str(p.extra));
    }

    private static RowData auction(Auction a) {
        return GenericRowData.of(a.id, str(a.itemName), str(a.description), a.initialBid, a.reserve,
                time(a.dateTime), time(a.expires), a.seller, a.category, str(a.extra));
    }

    private static RowData bid(Bid b) {
        return GenericRowData.of(b.auction, b.bidder, b.price, str(b.channel), str(b.url), time(b.dateTime),
                str(b.extra));
    }

    private static StringData str(String s) {
        return StringData.fromString(s);
    }

    private static TimestampData time(long epochMillis) {
        return TimestampData.fromEpochMillis(epochMillis);
    }
}
