using MakerMap.Data.Bookings;
using MakerMap.TestSupport;
using static MakerMap.Data.Bookings.BookingErrorCodes;

namespace MakerMap.Data.Tests.Bookings;

public sealed partial class BookingCommandsTests
{
    public enum FailureCase
    {
        UnknownResourceId, UnknownSlotId, SlotOfOtherResource, CancelledSlot, ZeroQuantity, QuantityAboveSlotCapacity,
        EndBeforeStart, OnlyStart, NoPeriodNoSlot, TooShort, TooLong, InThePast, OutsideSlot, MissingRequirement,
        MobileWithoutLocation, HalfALocation, LatitudeOutOfRange, UnknownOrganisation, UnknownAccount, LongKey,
    }

    public static TheoryData<FailureCase, string, string> Cases => new()
    {
        { FailureCase.UnknownResourceId, UnknownResource, "There is no resource {resource}." },
        { FailureCase.UnknownSlotId, UnknownSlot, "Resource {resource} has no slot {slot}." },
        { FailureCase.SlotOfOtherResource, UnknownSlot, "Resource {resource} has no slot {slot}." },
        { FailureCase.CancelledSlot, UnknownSlot, "Slot {slot} is cancelled." },
        { FailureCase.ZeroQuantity, InvalidQuantity, "Quantity must be between 1 and 10000, got 0." },
        { FailureCase.QuantityAboveSlotCapacity, InvalidQuantity, "Quantity 3 is more than this resource can ever give at once (2)." },
        { FailureCase.EndBeforeStart, InvalidPeriod, "The end (2030-03-09T13:00:00.0000000+00:00) must be after the start (2030-03-09T14:00:00.0000000+00:00)." },
        { FailureCase.OnlyStart, InvalidPeriod, "Give both start and end, or neither (to book a whole slot)." },
        { FailureCase.NoPeriodNoSlot, InvalidPeriod, "Give a slot or a start and an end." },
        { FailureCase.TooShort, InvalidPeriod, "A booking of this resource lasts from 00:30:00 to 14.00:00:00, not 00:10:00." },
        { FailureCase.TooLong, InvalidPeriod, "A booking of this resource lasts from 00:30:00 to 14.00:00:00, not 15.00:00:00." },
        { FailureCase.InThePast, InvalidPeriod, "The period lies in the past." },
        { FailureCase.OutsideSlot, InvalidPeriod, "The period must lie inside the slot [2030-03-09T13:00:00.0000000+00:00, 2030-03-09T16:00:00.0000000+00:00)." },
        { FailureCase.MissingRequirement, RequirementNotMet, "Confirm these requirements first: extra_number_plates, tow_hitch." },
        { FailureCase.MobileWithoutLocation, DeploymentLocationRequired, "This resource is mobile: say where it will stand (deployment location)." },
        { FailureCase.HalfALocation, InvalidArgument, "Give both the deployment longitude and latitude, or neither." },
        { FailureCase.LatitudeOutOfRange, InvalidArgument, "The deployment latitude must be between -90 and 90 degrees, got 95." },
        { FailureCase.UnknownOrganisation, BookingErrorCodes.UnknownOrganisation, "There is no organisation {organisation}." },
        { FailureCase.UnknownAccount, BookingErrorCodes.UnknownAccount, "There is no account {account}." },
        { FailureCase.LongKey, InvalidArgument, "The idempotency key must be 1 to 200 characters long." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RequestBookingAsync_bad_input_gives_typed_failure_and_changes_nothing(FailureCase @case, string code, string message)
    {
        var caravan = await ResourceAsync(new ResourceSpec
        {
            Kind = "caravan",
            IsMobile = true,
            Exclusive = false,
            Capacity = 4,
            Requirements = ["tow_hitch", "extra_number_plates"],
        });
        var slot = await db.Data.SlotAsync(caravan, Saturday, Saturday.AddHours(3), capacity: 2);
        var other = await ResourceAsync();
        var otherSlot = await db.Data.SlotAsync(other, Saturday, Saturday.AddHours(3), capacity: 2);
        var cancelled = await db.Data.SlotAsync(caravan, Saturday.AddDays(7), Saturday.AddDays(7).AddHours(3), 2, cancelled: true);
        var valid = new RequestBookingCommand
        {
            ResourceId = caravan,
            Start = Saturday,
            End = Saturday.AddHours(2),
            ConfirmedRequirements = ["tow_hitch", "extra_number_plates"],
            DeploymentLongitude = 3.74,
            DeploymentLatitude = 51.06,
        };
        var unknown = Guid.NewGuid();
        var command = @case switch
        {
            FailureCase.UnknownResourceId => valid with { ResourceId = unknown },
            FailureCase.UnknownSlotId => valid with { SlotId = unknown, Start = null, End = null },
            FailureCase.SlotOfOtherResource => valid with { SlotId = otherSlot, Start = null, End = null },
            FailureCase.CancelledSlot => valid with { SlotId = cancelled, Start = null, End = null },
            FailureCase.ZeroQuantity => valid with { Quantity = 0 },
            FailureCase.QuantityAboveSlotCapacity => valid with { SlotId = slot, Start = null, End = null, Quantity = 3 },
            FailureCase.EndBeforeStart => valid with { Start = Saturday.AddHours(1), End = Saturday },
            FailureCase.OnlyStart => valid with { End = null },
            FailureCase.NoPeriodNoSlot => valid with { Start = null, End = null },
            FailureCase.TooShort => valid with { End = Saturday.AddMinutes(10) },
            FailureCase.TooLong => valid with { End = Saturday.AddDays(15) },
            FailureCase.InThePast => valid with { Start = Now.AddHours(-2), End = Now.AddHours(-1) },
            FailureCase.OutsideSlot => valid with { SlotId = slot, Start = Saturday.AddHours(2), End = Saturday.AddHours(4) },
            FailureCase.MissingRequirement => valid with { ConfirmedRequirements = [] },
            FailureCase.MobileWithoutLocation => valid with { DeploymentLongitude = null, DeploymentLatitude = null },
            FailureCase.HalfALocation => valid with { DeploymentLatitude = null },
            FailureCase.LatitudeOutOfRange => valid with { DeploymentLatitude = 95 },
            FailureCase.UnknownOrganisation => valid with { OrganisationId = unknown },
            FailureCase.UnknownAccount => valid with { BookedBy = unknown },
            FailureCase.LongKey => valid with { IdempotencyKey = new string('k', 201) },
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };
        var before = await db.Data.CountAsync("SELECT count(*) FROM bookings");

        var result = await Commands.RequestBookingAsync(command, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Failure!.Code);
        Assert.Equal(message
            .Replace("{resource}", command.ResourceId.ToString(), StringComparison.Ordinal)
            .Replace("{slot}", command.SlotId?.ToString(), StringComparison.Ordinal)
            .Replace("{organisation}", command.OrganisationId?.ToString(), StringComparison.Ordinal)
            .Replace("{account}", command.BookedBy?.ToString(), StringComparison.Ordinal), result.Failure.Message);
        Assert.Equal(before, await db.Data.CountAsync("SELECT count(*) FROM bookings"));
        if (@case == FailureCase.MissingRequirement)
        {
            Assert.Equal(["extra_number_plates", "tow_hitch"], result.Failure.MissingRequirements);
        }
    }
}
