import GateKit
