package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.model.Person;
import dev.sluice.streaming.api.datastream.DataStream;

/**
 * The three tables of the Nexmark SQL suite ({@code person}, {@code auction}, {@code bid}) as
 * streams: the events of one type, unwrapped. Each is a filter and a map, chained to the source.
 */
final class Streams {
  private Streams() {}

  static DataStream<Bid> bids(DataStream<Event> events) {
    return events.filter(e -> e.type == Event.Type.BID).name("Bids")
        .map(e -> e.bid).returns(Bid.class).name("Bid");
  }

  static DataStream<Auction> auctions(DataStream<Event> events) {
    return events.filter(e -> e.type == Event.Type.AUCTION).name("Auctions")
        .map(e -> e.newAuction).returns(Auction.class).name("Auction");
  }

  static DataStream<Person> persons(DataStream<Event> events) {
    return events.filter(e -> e.type == Event.Type.PERSON).name("Persons")
        .map(e -> e.newPerson).returns(Person.class).name("Person");
  }
}
